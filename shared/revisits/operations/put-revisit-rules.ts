import type { Principal } from '../../access/principal';
import { storeRevisitRules } from '../repository';
import type { PutRevisitRulesInput, RevisitRules } from '../schema';

/** Replaces the tenant's rules; `version` is the one read (none for the first save). */
export async function putRevisitRules(
  principal: Principal,
  input: PutRevisitRulesInput,
  now: Date,
): Promise<RevisitRules> {
  const readVersion = input.version ?? 0;
  const { version, ...rules } = input;
  const saved: RevisitRules = { ...rules, version: readVersion + 1, updatedAt: now.toISOString() };
  await storeRevisitRules(principal.tenantId, saved, readVersion);
  return saved;
}
