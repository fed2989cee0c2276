import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findLuggage } from './repository';
import type { Luggage } from './views';

/** The luggage record, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function luggageInScope(principal: Principal, id: string): Promise<Luggage> {
  const luggage = await findLuggage(principal.tenantId, id);
  if (!luggage) throw notFound('luggage');
  assertStoreAccess(principal, luggage.storeId);
  return luggage;
}
