import {
  _default,
  array,
  boolean,
  gte,
  type infer as Infer,
  int,
  lte,
  minLength,
  optional,
  prefault,
  refine,
  strictObject,
  enum as zEnum,
} from 'zod/mini';
import { instant, pageQueryFields, text, ulid } from '../schema/common';
import { ticketType } from '../schema/ticket-vocabulary';

export const revisitKinds = ['post_sale', 'warranty_expiry', 'post_service', 'periodic', 'manual'] as const;
export type RevisitKind = (typeof revisitKinds)[number];
export const revisitStatuses = ['scheduled', 'due', 'done', 'failed', 'cancelled'] as const;
export type RevisitStatus = (typeof revisitStatuses)[number];
export const openRevisitStatuses: readonly RevisitStatus[] = ['scheduled', 'due'];

/** Attempts before an unreachable customer's revisit is given up (the repair centre's practice). */
export const maxRevisitAttempts = 3;

/** Per tenant; defaults from the seeds: 7 days after delivery, 30 days before warranty ends, 5 working days after a service. */
export const putRevisitRulesInput = strictObject({
  // prefault: an absent section is parsed from `{}`, so each default is stated once, on its field.
  postSale: prefault(
    strictObject({
      enabled: _default(boolean(), true),
      daysAfterDelivery: _default(int().check(gte(0), lte(365)), 7),
    }),
    {},
  ),
  warrantyExpiry: prefault(
    strictObject({
      enabled: _default(boolean(), true),
      daysBeforeEnd: _default(int().check(gte(1), lte(365)), 30),
    }),
    {},
  ),
  postService: prefault(
    strictObject({
      enabled: _default(boolean(), true),
      workingDaysAfterResolution: _default(int().check(gte(1), lte(60)), 5),
      ticketTypes: _default(array(ticketType).check(minLength(1)), [
        'repair',
        'installation',
        'complaint',
        'return',
        'exchange',
        'compensation',
        'it_request',
      ]),
    }),
    {},
  ),
  periodic: prefault(
    strictObject({
      enabled: _default(boolean(), false),
      everyMonths: _default(int().check(gte(1), lte(60)), 6),
    }),
    {},
  ),
  version: optional(int().check(gte(1))),
});
export type PutRevisitRulesInput = Infer<typeof putRevisitRulesInput>;
export type RevisitRules = Omit<PutRevisitRulesInput, 'version'> & { version: number; updatedAt?: string };

export const attemptOutcomes = ['reached', 'unreachable', 'refused'] as const;

export const recordRevisitAttemptInput = strictObject({
  outcome: zEnum(attemptOutcomes),
  /** 满意度 1–5, when the customer was reached. */
  satisfaction: optional(int().check(gte(1), lte(5))),
  comment: optional(text(1, 2000)),
}).check(
  refine((input) => input.satisfaction === undefined || input.outcome === 'reached', {
    message: 'A satisfaction score needs a customer who was reached.',
    path: ['satisfaction'],
  }),
);
export type RecordRevisitAttemptInput = Infer<typeof recordRevisitAttemptInput>;

export const createRevisitInput = strictObject({
  customerId: ulid,
  storeId: ulid,
  /** 上门拜访 (home visit) or a call. */
  purpose: _default(zEnum(['call', 'home_visit']), 'call'),
  dueAt: instant,
  assigneeId: optional(ulid),
  purchaseId: optional(ulid),
  ticketId: optional(ulid),
  note: optional(text(1, 1000)),
});
export type CreateRevisitInput = Infer<typeof createRevisitInput>;

export const assignRevisitInput = strictObject({ assigneeId: ulid, version: optional(int().check(gte(1))) });

export const revisitIdParams = strictObject({ revisitId: ulid });

export const listRevisitsQuery = strictObject({
  ...pageQueryFields,
  storeId: optional(ulid),
  status: _default(zEnum(revisitStatuses), 'due'),
});
export type ListRevisitsQuery = Infer<typeof listRevisitsQuery>;

export const listCustomerRevisitsQuery = strictObject({ ...pageQueryFields });
