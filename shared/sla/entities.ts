import { defineEntity } from '../db/entity';
import type { SlaPolicy } from './schema';

export interface StoredSlaPolicies {
  readonly policies: SlaPolicy[];
  readonly version: number;
  readonly updatedAt: string;
}

export const slaPoliciesEntity = /* @__PURE__ */ defineEntity<StoredSlaPolicies>({
  tag: 'sla_policies',
  about: 'the tenant’s SLA policies, first match wins; the defaults apply while there is none',
  key: { pk: 'T#{tenantId}', sk: 'SLA_POLICIES' },
});
