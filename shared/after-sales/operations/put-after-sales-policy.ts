import type { Principal } from '../../access/principal';
import { storeAfterSalesPolicy } from '../repository';
import type { AfterSalesPolicy, PutAfterSalesPolicyInput } from '../schema';

/** Replaces the tenant's policy; `version` is the one read (none for the first save). Cases keep the version they used. */
export async function putAfterSalesPolicy(
  principal: Principal,
  input: PutAfterSalesPolicyInput,
  now: Date,
): Promise<AfterSalesPolicy> {
  const readVersion = input.version ?? 0;
  const { version: _read, ...policy } = input;
  const saved: AfterSalesPolicy = { ...policy, version: readVersion + 1, updatedAt: now.toISOString() };
  await storeAfterSalesPolicy(principal.tenantId, saved, readVersion);
  return saved;
}
