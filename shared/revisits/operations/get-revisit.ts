import type { Principal } from '../../access/principal';
import { revisitInScope } from '../lookups';
import type { Revisit } from '../views';

export async function getRevisit(principal: Principal, revisitId: string): Promise<Revisit> {
  return revisitInScope(principal, revisitId);
}
