import type { CreateStoreInput } from './schema';
import type { Store } from './views';

export function newStore(input: CreateStoreInput, id: string, now: Date): Store {
  const at = now.toISOString();
  return { ...input, id, createdAt: at, updatedAt: at, version: 1 };
}
