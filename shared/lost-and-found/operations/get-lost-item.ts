import type { Principal } from '../../access/principal';
import { lostItemInScope } from '../lookups';
import type { LostItem } from '../views';

export async function getLostItem(principal: Principal, lostItemId: string): Promise<LostItem> {
  return lostItemInScope(principal, lostItemId);
}
