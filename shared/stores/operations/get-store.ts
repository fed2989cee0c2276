import type { Principal } from '../../access/principal';
import type { Store } from '../schema';
import { storeOfCaller } from '../store-access';

export async function getStore(principal: Principal, storeId: string): Promise<Store> {
  return storeOfCaller(principal, storeId);
}
