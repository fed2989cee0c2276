import type { Principal } from '../../access/principal';
import { revisitInScope } from '../lookups';
import type { Revisit } from '../schema';

export async function getRevisit(principal: Principal, revisitId: string): Promise<Revisit> {
  return revisitInScope(principal, revisitId);
}
