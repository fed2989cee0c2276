import type { Principal } from '../../access/principal';
import { storeCompensationPolicy } from '../repository';
import type { CompensationPolicy, PutCompensationPolicyInput } from '../schema';

/** Replaces the tenant's policy; `version` is the one read (none for the first save). */
export async function putCompensationPolicy(
  principal: Principal,
  input: PutCompensationPolicyInput,
  now: Date,
): Promise<CompensationPolicy> {
  const readVersion = input.version ?? 0;
  const { version, ...policy } = input;
  const saved: CompensationPolicy = { ...policy, version: readVersion + 1, updatedAt: now.toISOString() };
  await storeCompensationPolicy(principal.tenantId, saved, readVersion);
  return saved;
}
