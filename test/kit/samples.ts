import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { SlaPolicy } from '../../shared/sla/schema';

/** Small fixed values unit tests share: a raw ticket item for size rules, an SLA policy. */

export const stringAttribute = (value: string): AttributeValue => ({ S: value });

/** A ticket as stored, in its raw form, with `extra` bytes of subject to push it across sizes. */
export const rawTicketItem = (extra = 0) => ({
  pk: stringAttribute('T#acme#TICKET#01J0000000000000000000000'),
  sk: stringAttribute('TICKET'),
  sspk: stringAttribute('T#acme#STORE#01J0000000000000000000001#STATUS#new'),
  sssk: stringAttribute('01J0000000000000000000000'),
  subject: stringAttribute(`沙发送货后发现划痕${'x'.repeat(extra)}`),
});

/** 1 h first response, 4 h resolution, a two-rung ladder whose second rung reassigns. */
export const samplePolicy: SlaPolicy = {
  name: 'test',
  match: {},
  firstResponseMinutes: 60,
  resolutionMinutes: 240,
  warningPercent: 80,
  escalations: [
    { afterBreachMinutes: 0, notifyRoles: ['supervisor'] },
    { afterBreachMinutes: 120, notifyRoles: ['manager'], reassignToRole: 'supervisor' },
  ],
};
