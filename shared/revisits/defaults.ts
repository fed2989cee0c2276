import type { TicketType } from '../schema/ticket-vocabulary';

/*
 * The revisit facts that code which resolves a ticket or plans a revisit needs at run time, kept
 * apart from ./schema.ts: a module's top-level zod calls ride in every bundle that imports anything
 * from it, and every handler that resolves a ticket (transitionTicket, recordRepairStep…) books a
 * revisit. The rules' schema takes its defaults from here, so each is still stated once.
 */

/** Per tenant; defaults from the seeds: 7 days after delivery, 30 days before warranty ends, 5 working days after a service. */
export const revisitRuleDefaults = {
  postSale: { enabled: true, daysAfterDelivery: 7 },
  warrantyExpiry: { enabled: true, daysBeforeEnd: 30 },
  postService: {
    enabled: true,
    workingDaysAfterResolution: 5,
    ticketTypes: [
      'repair',
      'installation',
      'complaint',
      'return',
      'exchange',
      'compensation',
      'it_request',
    ] as TicketType[],
  },
  periodic: { enabled: false, everyMonths: 6 },
};

export const revisitStatuses = ['scheduled', 'due', 'done', 'failed', 'cancelled'] as const;
export type RevisitStatus = (typeof revisitStatuses)[number];
export const openRevisitStatuses: readonly RevisitStatus[] = ['scheduled', 'due'];

/** Attempts before an unreachable customer's revisit is given up (the repair centre's practice). */
export const maxRevisitAttempts = 3;
