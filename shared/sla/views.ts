import {
  array,
  type infer as Infer,
  nullable,
  number,
  optional,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { escalationStep, slaPolicy } from './schema';

/**
 * A ticket's SLA as the API returns it: output schemas, for types and the OpenAPI document. Runtime code imports this
 * module only with `import type`, so these schemas stay out of Lambda bundles.
 */

/** One promise on a ticket: when it is due and how it stands. */
export const slaClock = strictObject({
  targetMinutes: number(),
  dueAt: string(),
  state: zEnum(['pending', 'paused', 'met', 'breached']),
  warnedAt: optional(string()),
  breachedAt: optional(string()),
  metAt: optional(string()),
  /** Ladder rungs already climbed for this clock. */
  escalationLevel: number(),
});
export type SlaClock = Infer<typeof slaClock>;

/** The SLA a ticket carries: the policy it was matched to (a snapshot) and its two clocks. */
export const ticketSla = strictObject({
  policyName: string(),
  warningPercent: number(),
  escalations: array(escalationStep),
  /** Business minutes spent waiting on the customer or a third party; they do not count. */
  pausedMinutes: number(),
  pausedAt: nullable(string()),
  firstResponse: slaClock,
  resolution: slaClock,
});
export type TicketSla = Infer<typeof ticketSla>;

/** The tenant's SLA policies as stored (defaults filled in); `version` 0 while on the built-in defaults. */
export const slaPolicySet = strictObject({
  policies: array(slaPolicy),
  version: number(),
  updatedAt: optional(string()),
});
