import type { Principal } from '../../access/principal';
import { luggageInScope } from '../lookups';
import type { Luggage } from '../views';

export async function getLuggage(principal: Principal, luggageId: string): Promise<Luggage> {
  return luggageInScope(principal, luggageId);
}
