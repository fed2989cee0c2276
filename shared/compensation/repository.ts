import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity, putVersioned } from '../db/items';
import { type PageQuery, queryEntities } from '../db/query';
import type { TransactionItem } from '../db/transactions';
import { ticketEntity, timelineEventEntity } from '../tickets/entities';
import type { TimelineEvent } from '../tickets/views';
import { dropTimerWrite, scheduleTimerWrite } from '../timers/repository';
import { claimTimerKey, compensationClaimEntity, compensationPolicyEntity } from './entities';
import { defaultCompensationPolicy } from './policy';
import type { CompensationPolicy } from './schema';
import type { CompensationClaim } from './views';

export type ClaimEvent = Extract<TimelineEvent, { kind: 'compensation' }>;

/** The reminder's step: while a claim waits on an approver, one timer per step it waits on. */
const reminderStep = (claim: CompensationClaim) =>
  claim.status === 'pending_approval' && claim.reminderDueAt
    ? { stage: `step${claim.decisions.length + 1}@${claim.reminderDueAt}`, dueAt: claim.reminderDueAt }
    : undefined;

/**
 * The writes that store a claim change: the claim (new, or conditioned on the version read), its
 * events on the ticket's timeline, and its reminder timer when the step it waits on changed.
 */
export function claimWrites(
  tenantId: string,
  claim: CompensationClaim,
  before: CompensationClaim | undefined,
  events: readonly ClaimEvent[],
): TransactionItem[] {
  const key = claimTimerKey(tenantId, claim.id);
  const step = reminderStep(claim);
  const previous = before ? reminderStep(before) : undefined;
  const timer: TransactionItem[] =
    step?.stage === previous?.stage
      ? []
      : step
        ? [
            scheduleTimerWrite({
              ...key,
              tenantId,
              kind: 'compensation',
              queue: 'escalation',
              subjectId: claim.id,
              stage: step.stage,
              dueAt: step.dueAt,
              generation: claim.version,
            }),
          ]
        : previous
          ? [dropTimerWrite(key)]
          : [];
  return [
    putEntity(compensationClaimEntity, tenantId, claim, before ? atVersion(before.version) : isNew),
    ...events.map((event) => putEntity(timelineEventEntity, tenantId, event, isNew)),
    ...timer,
  ];
}

/** Only while the ticket is still open: a claim is made on a live complaint or return. */
export const ticketStillOpen = (tenantId: string, ticketId: string): TransactionItem => ({
  ConditionCheck: {
    TableName: tableName,
    Key: ticketEntity.key({ tenantId, id: ticketId }),
    ConditionExpression: 'attribute_exists(pk) AND NOT (#status IN (:closed, :cancelled))',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':closed': 'closed', ':cancelled': 'cancelled' },
  },
});

export async function findClaim(tenantId: string, claimId: string): Promise<CompensationClaim | undefined> {
  return getEntity(compensationClaimEntity, { tenantId, id: claimId });
}

export async function listClaimsInView(
  view: ReturnType<typeof compensationClaimEntity.view> & { sortKeyBetween?: readonly [string, string] },
  page: Pick<PageQuery, 'limit' | 'cursor' | 'newestFirst' | 'list' | 'filters'>,
): Promise<Page<CompensationClaim>> {
  return queryEntities<CompensationClaim>({ ...view, ...page });
}

/** The tenant's policy, or the defaults while none was saved. */
export async function readCompensationPolicy(tenantId: string): Promise<CompensationPolicy> {
  return (
    (await getEntity(compensationPolicyEntity, { tenantId }, { consistent: false })) ??
    defaultCompensationPolicy
  );
}

export async function storeCompensationPolicy(
  tenantId: string,
  policy: CompensationPolicy,
  readVersion: number,
): Promise<void> {
  await putVersioned(compensationPolicyEntity, tenantId, policy, readVersion, 'compensation policy');
}
