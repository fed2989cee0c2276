import { addWorkingDays } from '../calendar/business-time';
import { isNew, putEntity } from '../db/items';
import { writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { type Notification, notificationWrite } from '../notifications/inbox';
import { listMemberships, listStaffOfTenant } from '../staff/repository';
import type { StaffMember } from '../staff/views';
import { timelineEventEntity } from '../tickets/entities';
import { dropTimerWrite, findTimer, scheduleTimerWrite, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { storeCalendar } from './lookups';
import { canApproveStep } from './policy';
import { type ClaimEvent, findClaim } from './repository';

/** Admins act in every store, usually without a store membership: the directory's admins. */
async function tenantAdmins(tenantId: string): Promise<StaffMember[]> {
  const admins: StaffMember[] = [];
  let cursor: string | undefined;
  // A tenant's directory is hundreds of entries; 20 pages of 100 is a bound, not an expectation.
  for (let page = 0; page < 20; page++) {
    const found = await listStaffOfTenant(tenantId, 100, cursor);
    admins.push(...found.items.filter((member) => member.roles.includes('admin')));
    cursor = found.cursor ?? undefined;
    if (!cursor) break;
  }
  return admins;
}

const uniqueById = (members: readonly StaffMember[]) => [
  ...new Map(members.map((member) => [member.id, member])).values(),
];

/** The reminder's stage: the step and its first due time, then `#<n>` for the n-th reminder. */
const reminderStage = (stage: string, count: number) => `${stage.split('#')[0]}#${count}`;
const reminderCount = (stage: string) => Number(stage.split('#')[1] ?? '1');

/**
 * A claim has waited on an approver for the policy's business hours (8 by default): everyone of
 * the store who may decide its step (for an admin's step, the tenant's admins too) is reminded,
 * except the requester and those who approved an earlier step; then again at the start of each
 * next working day of the store's calendar while the step is still undecided. Each reminder is on
 * the ticket's timeline too. Idempotent: the writes are conditioned on the generation fired, and
 * the next reminder is rescheduled with a new generation, so a duplicate delivery changes nothing.
 */
export async function fireClaimReminder(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const { tenantId } = timer;
  const claim = await findClaim(tenantId, timer.subjectId);
  const step = claim ? claim.decisions.length + 1 : 0;
  const role = claim?.approvalLevel.steps[step - 1];
  const drop = dropTimerWrite(key, timer.generation);
  if (
    !claim ||
    !role ||
    claim.status !== 'pending_approval' ||
    timer.stage.split('#')[0] !== `step${step}@${claim.reminderDueAt}`
  ) {
    await unlessAlreadyDone(message, () => writeTransaction(tenantId, [drop]));
    return 'stale';
  }
  // An early redelivery of a message for an earlier generation: the timer's own message comes.
  if (Date.parse(timer.dueAt) > now.getTime() + 1_000) return 'stale';
  const count = reminderCount(timer.stage);
  const calendar = await storeCalendar(tenantId, claim.storeId);
  const next = scheduleTimerWrite(
    {
      pk: timer.pk,
      sk: timer.sk,
      tenantId,
      kind: 'compensation',
      queue: 'escalation',
      subjectId: claim.id,
      stage: reminderStage(timer.stage, count + 1),
      dueAt: addWorkingDays(calendar, now, 1).toISOString(),
      generation: timer.generation + 1,
    },
    timer.generation,
  );
  const decided = new Set([claim.createdBy, ...claim.decisions.map((decision) => decision.by)]);
  const members: StaffMember[] = await listMemberships(tenantId, claim.storeId);
  if (role === 'admin') members.push(...(await tenantAdmins(tenantId)));
  const approvers = uniqueById(members).filter(
    (member) => canApproveStep(member.roles, role) && !(member.userId && decided.has(member.userId)),
  );
  const at = now.toISOString();
  const notices: Notification[] = approvers.map((member) => ({
    id: newId(now),
    staffId: member.id,
    kind: 'compensation_approval_waiting',
    claimId: claim.id,
    ticketId: claim.ticketId,
    storeId: claim.storeId,
    amount: claim.amount,
    step,
    waitingSince: claim.waitingSince ?? claim.createdAt,
    at,
  }));
  const event: ClaimEvent = {
    id: newId(now),
    ticketId: claim.ticketId,
    kind: 'compensation',
    claimId: claim.id,
    step: 'reminded',
    amount: claim.amount,
    detail: `step ${step} (${role}) waiting since ${claim.waitingSince ?? claim.createdAt}; reminder ${count}`,
    notified: approvers.map((member) => member.id),
    actorId: 'timer',
    at,
  };
  const applied = await unlessAlreadyDone(message, () =>
    writeTransaction(tenantId, [
      next,
      putEntity(timelineEventEntity, tenantId, event, isNew),
      ...notices.map((notice) => notificationWrite(tenantId, notice)),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
