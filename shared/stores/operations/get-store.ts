import type { Principal } from '../../access/principal';
import { storeOfCaller } from '../store-access';
import type { Store } from '../views';

export async function getStore(principal: Principal, storeId: string): Promise<Store> {
  return storeOfCaller(principal, storeId);
}
