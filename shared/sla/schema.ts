import {
  _default,
  array,
  gte,
  type infer as Infer,
  int,
  lte,
  maxLength,
  minLength,
  optional,
  strictObject,
} from 'zod/mini';
import { staffRoleSchema } from '../access/roles';
import { text, ulid } from '../schema/common';
import { ticketPriority, ticketType } from '../schema/ticket-vocabulary';

/** One rung of the escalation ladder, counted in business minutes after the breach. */
export const escalationStep = strictObject({
  afterBreachMinutes: int().check(gte(0), lte(60 * 24 * 30)),
  /** Everyone in the ticket's store with one of these roles is told. */
  notifyRoles: array(staffRoleSchema).check(minLength(1), maxLength(6)),
  /** Optionally hand the ticket to the least-loaded member of the store with this role. */
  reassignToRole: optional(staffRoleSchema),
});
export type EscalationStep = Infer<typeof escalationStep>;

/**
 * The standard ladder: at the breach the store's supervisors, two business hours later its
 * managers. A policy that leaves `escalations` out gets it; `[]` asks for no ladder at all.
 */
export const standardLadder: readonly EscalationStep[] = [
  { afterBreachMinutes: 0, notifyRoles: ['supervisor'] },
  { afterBreachMinutes: 120, notifyRoles: ['manager'] },
];

const minutes = int().check(gte(1), lte(60 * 24 * 365));

/** Matched by ticket type × priority (optionally store); the first policy that matches wins. */
export const slaPolicy = strictObject({
  name: text(1, 80),
  match: _default(
    strictObject({
      types: optional(array(ticketType).check(minLength(1))),
      priorities: optional(array(ticketPriority).check(minLength(1))),
      storeIds: optional(array(ulid).check(minLength(1), maxLength(100))),
    }),
    {},
  ),
  firstResponseMinutes: minutes,
  resolutionMinutes: minutes,
  warningPercent: _default(int().check(gte(1), lte(100)), 80),
  escalations: _default(array(escalationStep).check(maxLength(5)), () => [...standardLadder]),
});
export type SlaPolicy = Infer<typeof slaPolicy>;

export const putSlaPoliciesInput = strictObject({
  policies: array(slaPolicy).check(minLength(1), maxLength(100)),
  /** The version read; omit only when the tenant still runs on the defaults. */
  version: optional(int().check(gte(1))),
});
export type PutSlaPoliciesInput = Infer<typeof putSlaPoliciesInput>;

export const slaClocks = ['first_response', 'resolution'] as const;
export type SlaClockName = (typeof slaClocks)[number];
