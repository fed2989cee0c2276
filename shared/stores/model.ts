import type { CreateStoreInput, Store } from './schema';

export function newStore(input: CreateStoreInput, id: string, now: Date): Store {
  const at = now.toISOString();
  return { ...input, id, createdAt: at, updatedAt: at, version: 1 };
}
