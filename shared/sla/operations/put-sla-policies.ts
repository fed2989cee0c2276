import type { Principal } from '../../access/principal';
import type { SlaPolicySet } from '../policies';
import { saveSlaPolicies } from '../repository';
import type { PutSlaPoliciesInput } from '../schema';

/** Replaces the tenant's SLA policies, conditioned on the version read (0: still the defaults). */
export async function putSlaPolicies(
  principal: Principal,
  input: PutSlaPoliciesInput,
  now: Date,
): Promise<SlaPolicySet> {
  const readVersion = input.version ?? 0;
  const saved = { policies: input.policies, version: readVersion + 1, updatedAt: now.toISOString() };
  await saveSlaPolicies(principal.tenantId, saved, readVersion);
  return saved;
}
