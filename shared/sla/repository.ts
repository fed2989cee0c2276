import { getEntity, putVersioned } from '../db/items';
import { type StoredSlaPolicies, slaPoliciesEntity } from './entities';
import { defaultSlaPolicies, type SlaPolicySet } from './policies';

/** The tenant's policies from their stored item, or the defaults when it has none (pure). */
export function slaPoliciesFrom(stored: StoredSlaPolicies | undefined): SlaPolicySet {
  if (!stored) return { policies: defaultSlaPolicies, version: 0 };
  return { policies: stored.policies, version: stored.version, updatedAt: stored.updatedAt };
}

/** Eventually consistent: policies change rarely, and the read costs half. */
export async function readSlaPolicies(tenantId: string): Promise<SlaPolicySet> {
  return slaPoliciesFrom(await getEntity(slaPoliciesEntity, { tenantId }, { consistent: false }));
}

export async function saveSlaPolicies(tenantId: string, saved: StoredSlaPolicies, readVersion: number) {
  await putVersioned(slaPoliciesEntity, tenantId, saved, readVersion, 'SLA policies');
}
