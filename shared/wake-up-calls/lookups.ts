import { assertStoreAccess, type Principal } from '../access/principal';
import { notFound } from '../errors';
import { findWakeUpCall } from './repository';
import type { WakeUpCall } from './views';

/** The call, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function wakeUpCallInScope(principal: Principal, id: string): Promise<WakeUpCall> {
  const call = await findWakeUpCall(principal.tenantId, id);
  if (!call) throw notFound('wake_up_call');
  assertStoreAccess(principal, call.storeId);
  return call;
}
