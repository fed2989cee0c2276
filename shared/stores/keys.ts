/** Kept while tickets/repository.ts still imports it from here; the declarations are in entities.ts. */
export { storeKeys } from './entities';
