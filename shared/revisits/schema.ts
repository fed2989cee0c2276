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
import { revisitRuleDefaults, revisitStatuses } from './defaults';

export const revisitKinds = ['post_sale', 'warranty_expiry', 'post_service', 'periodic', 'manual'] as const;
export type RevisitKind = (typeof revisitKinds)[number];
export {
  maxRevisitAttempts,
  openRevisitStatuses,
  type RevisitStatus,
  revisitStatuses,
} from './defaults';

const defaults = revisitRuleDefaults;

/** Per tenant; the defaults (from the seeds) are in ./defaults.ts. */
export const putRevisitRulesInput = strictObject({
  // prefault: an absent section is parsed from `{}`, so each default is stated once, on its field.
  postSale: prefault(
    strictObject({
      enabled: _default(boolean(), defaults.postSale.enabled),
      daysAfterDelivery: _default(int().check(gte(0), lte(365)), defaults.postSale.daysAfterDelivery),
    }),
    {},
  ),
  warrantyExpiry: prefault(
    strictObject({
      enabled: _default(boolean(), defaults.warrantyExpiry.enabled),
      daysBeforeEnd: _default(int().check(gte(1), lte(365)), defaults.warrantyExpiry.daysBeforeEnd),
    }),
    {},
  ),
  postService: prefault(
    strictObject({
      enabled: _default(boolean(), defaults.postService.enabled),
      workingDaysAfterResolution: _default(
        int().check(gte(1), lte(60)),
        defaults.postService.workingDaysAfterResolution,
      ),
      ticketTypes: _default(array(ticketType).check(minLength(1)), () => [
        ...defaults.postService.ticketTypes,
      ]),
    }),
    {},
  ),
  periodic: prefault(
    strictObject({
      enabled: _default(boolean(), defaults.periodic.enabled),
      everyMonths: _default(int().check(gte(1), lte(60)), defaults.periodic.everyMonths),
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
