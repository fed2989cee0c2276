import type { Principal } from '../../access/principal';
import { safeBoxInScope } from '../lookups';
import type { SafeBox } from '../views';

export async function getSafeBox(principal: Principal, safeBoxId: string): Promise<SafeBox> {
  return safeBoxInScope(principal, safeBoxId);
}
