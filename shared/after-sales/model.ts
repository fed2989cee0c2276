import type { StaffRole } from '../access/roles';
import type { Purchase } from '../customers/views';
import { conflict, forbidden, invalidInput, ruleRefused } from '../errors';
import type { TimelineEvent } from '../tickets/views';
import { startOfLocalDay } from '../time/local-days';
import { type BundleCharge, bundleCharges, bundlesChanged, chargedOf } from './bundles';
import { bundleNotices, type EligibilityDecision, type TraceEntry } from './eligibility';
import type { AfterSalesPolicy, CreateReturnInput, RecordReturnStepInput, ReturnStatus } from './schema';
import type { ReturnCase } from './views';
import { addDays, localDate } from './warranty';

/*
 * The return and exchange case (退换货处理单) and its stages: decided → goods received →
 * refunded or replacement handed over (done); or refused; or the customer takes the repair.
 * Pure: each step takes the case as read and returns the new case and the ticket event.
 */

export type { ReturnCase } from './views';

/** One line's repairs here: how many, the days the item spent in them, and which cases. */
export interface LineRepairs {
  readonly repairs: number;
  readonly daysInRepair: number;
  readonly repairIds: readonly string[];
}

export interface ReturnTally {
  readonly purchaseId: string;
  readonly customerId: string;
  /** Quantity refunded per line (keys are line numbers). */
  readonly lines: Readonly<Record<string, number>>;
  /** Repairs finished here per line (repair cases), which the return rules read (三包 art. 11, 13). */
  readonly repairs?: Readonly<Record<string, LineRepairs>>;
  /** The last exchange of each line here: the replacement's 三包 period runs from its day. */
  readonly exchanges?: Readonly<Record<string, LineExchange>>;
  /** Per bundle (keys from 1): the discount refunds held back for goods kept (./bundles.ts). */
  readonly bundlesHeld?: Readonly<Record<string, number>>;
  readonly version: number;
}

/** A replacement handed over: the store's local day, how many units, by which case. */
export interface LineExchange {
  readonly on: string;
  readonly quantity: number;
  readonly returnId: string;
}

/**
 * The tally after an exchange of these lines: the replacement's 三包 period starts again on `on`
 * (换货之日起重新计算), and the repairs of the unit taken back no longer count against it.
 */
export function addExchange(
  tally: ReturnTally,
  items: readonly { line: number; quantity: number }[],
  on: string,
  returnId: string,
): ReturnTally {
  const exchanges: Record<string, LineExchange> = { ...tally.exchanges };
  const repairs: Record<string, LineRepairs> = { ...tally.repairs };
  for (const item of items) {
    const key = String(item.line);
    exchanges[key] = { on, quantity: item.quantity, returnId };
    const had = repairs[key];
    // Ids kept: the same repair finishing late is still counted once, and not for the replacement.
    if (had) repairs[key] = { repairs: 0, daysInRepair: 0, repairIds: had.repairIds };
  }
  return { ...tally, exchanges, repairs, version: tally.version + 1 };
}

/** The tally with one more finished repair of a line; the same repair twice counts once. */
export function addRepair(
  tally: ReturnTally,
  line: number,
  repair: { id: string; daysInRepair: number },
): ReturnTally {
  const had = tally.repairs?.[String(line)] ?? { repairs: 0, daysInRepair: 0, repairIds: [] };
  if (had.repairIds.includes(repair.id)) return tally;
  return {
    ...tally,
    repairs: {
      ...tally.repairs,
      [String(line)]: {
        repairs: had.repairs + 1,
        daysInRepair: had.daysInRepair + repair.daysInRepair,
        repairIds: [...had.repairIds, repair.id],
      },
    },
    version: tally.version + 1,
  };
}

interface Context {
  readonly actorId: string;
  readonly roles: readonly StaffRole[];
  readonly eventId: string;
  readonly now: Date;
  /** The store's zone: the refund's 7 days are its local days. */
  readonly timeZone: string;
  /** The bundles the case touches as the tally stands now (read for approve_refund, refund, recount). */
  readonly bundleCharges?: readonly BundleCharge[];
}

export function caseEvent(
  returnCase: Pick<ReturnCase, 'id' | 'ticketId'>,
  step: string,
  from: ReturnStatus | undefined,
  to: ReturnStatus,
  context: Pick<Context, 'actorId' | 'eventId' | 'now'>,
  note?: string,
): TimelineEvent {
  return {
    id: context.eventId,
    ticketId: returnCase.ticketId,
    kind: 'case_step',
    caseKind: 'return',
    caseId: returnCase.id,
    step,
    ...(from ? { from } : {}),
    to,
    ...(note ? { note } : {}),
    actorId: context.actorId,
    at: context.now.toISOString(),
  };
}

export function openReturnCase(
  input: CreateReturnInput,
  fields: { id: string; ticketId: string; storeId: string; currency: string },
  decision: EligibilityDecision,
  actorId: string,
  now: Date,
): ReturnCase {
  const at = now.toISOString();
  return {
    id: fields.id,
    ticketId: fields.ticketId,
    storeId: fields.storeId,
    customerId: input.customerId,
    purchaseId: input.purchaseId,
    kind: input.kind,
    reason: input.reason,
    items: input.items,
    description: input.description,
    seriousDefect: input.seriousDefect,
    ...(input.exemption ? { exemption: input.exemption } : {}),
    condition: input.condition,
    currency: fields.currency,
    decision,
    policyVersion: decision.policyVersion,
    allowedOutcomes: decision.outcomes,
    refundLimit: decision.refundAmount,
    status: 'decided',
    history: [{ step: 'decided', from: 'decided', to: 'decided', by: actorId, at }],
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/**
 * The price goes back within 7 days of receiving the goods (暂行办法 art. 12; 消保法 art. 25). The days
 * count from the day after the receipt and the last one ends at 24:00 (民法典 art. 201, 203): the
 * refund is late once the store's 8th local day after the receipt day begins.
 */
export function refundDueAt(receivedAt: Date, timeZone: string): string {
  const lastDayEnds = startOfLocalDay(addDays(localDate(receivedAt, timeZone), 8), timeZone);
  return new Date(lastDayEnds).toISOString();
}

/** The case's one timer: the refund's due time, while the goods are back, unrefunded and not yet chased. */
export function refundTimerOf(returnCase: ReturnCase): { stage: string; dueAt: string } | undefined {
  const { status, outcome, refundDueAt, refundOverdue } = returnCase;
  return status === 'goods_received' && outcome === 'refund' && refundDueAt && !refundOverdue
    ? { stage: 'refund', dueAt: refundDueAt }
    : undefined;
}

/** Not refunded by its due time: recorded once on the case, with whom the notice went to. */
export function markRefundOverdue(
  returnCase: ReturnCase,
  notified: readonly string[],
  context: Pick<Context, 'eventId' | 'now'>,
): { returnCase: ReturnCase; event: TimelineEvent } {
  const at = context.now.toISOString();
  const status = returnCase.status;
  const note = `refund due ${returnCase.refundDueAt ?? ''} not recorded; told ${notified.join(', ') || 'nobody (no assignee or supervisor)'}`;
  const next: ReturnCase = {
    ...returnCase,
    refundOverdue: { at, notified: [...notified] },
    history: [
      ...returnCase.history,
      { step: 'refund_overdue', from: status, to: status, by: 'timer', at, note },
    ],
    updatedAt: at,
    version: returnCase.version + 1,
  };
  const event = caseEvent(
    returnCase,
    'refund_overdue',
    status,
    status,
    { ...context, actorId: 'timer' },
    note,
  );
  return { returnCase: next, event };
}

/**
 * Another case of the same bundle was refunded since this one was decided, so what this refund
 * takes off or gives back has changed: the money waits until the recount step shows the new limit.
 */
function assertBundlesCurrent(returnCase: ReturnCase, now: readonly BundleCharge[] | undefined) {
  if (now && bundlesChanged(returnCase.decision.bundles, now)) {
    throw conflict(
      'bundle_recount_needed',
      'A refund of the same bundle since this case was decided changes what it may refund: record the recount step, then refund.',
    );
  }
}

/**
 * The bundle discount counted again as the tally stands now: the refund allowed moves by the
 * difference, the customer is told again what the bundle takes off or gives back, and the trace
 * says why.
 */
function recountBundles(returnCase: ReturnCase, now: readonly BundleCharge[]): Partial<ReturnCase> {
  const { decision } = returnCase;
  const decided = chargedOf(decision.bundles);
  const moved = decided - chargedOf(now);
  const refundLimit = Math.max(0, returnCase.refundLimit + moved);
  const entry: TraceEntry = {
    rule: 'A.bundle_recount',
    inputs: { decided, now: chargedOf(now), refundLimit },
    result: 'applied',
    basis:
      'the bundle discount counted again: a case of the same bundle was refunded since this one was decided',
  };
  const notices = (decision.notices ?? []).filter((notice) => !notice.code.startsWith('bundle_discount'));
  return {
    refundLimit,
    decision: {
      ...decision,
      refundAmount: decision.outcomes.includes('refund')
        ? Math.max(0, decision.refundAmount + moved)
        : decision.refundAmount,
      bundles: [...now],
      notices: [...notices, ...bundleNotices(now)],
      trace: [...decision.trace, entry],
    },
  };
}

const notNow = (returnCase: ReturnCase, step: string, why: string) =>
  conflict('return_step_not_allowed', `Cannot ${step} a ${returnCase.status} case: ${why}`);

/** Applies one step; throws a conflict (409) for a step the case's stage or outcomes do not allow. */
export function applyReturnStep(
  returnCase: ReturnCase,
  input: RecordReturnStepInput,
  policy: Pick<AfterSalesPolicy, 'overrideRoles' | 'refundApproval'>,
  context: Context,
): { returnCase: ReturnCase; event: TimelineEvent } {
  const { overrideRoles, refundApproval } = policy;
  const at = context.now.toISOString();
  const by = context.actorId;
  let changes: Partial<ReturnCase>;
  let to: ReturnStatus;
  let note = input.note;
  const allowed = returnCase.allowedOutcomes;
  switch (input.step) {
    case 'receive_goods': {
      if (returnCase.status !== 'decided')
        throw notNow(returnCase, 'receive goods for', 'only a decided case.');
      if (!allowed.includes(input.outcome)) {
        throw notNow(returnCase, `choose ${input.outcome} for`, `the decision allows ${allowed.join(', ')}.`);
      }
      to = 'goods_received';
      changes =
        input.outcome === 'refund'
          ? { outcome: 'refund', refundDueAt: refundDueAt(context.now, context.timeZone) }
          : { outcome: input.outcome };
      note ??= `outcome: ${input.outcome}`;
      break;
    }
    case 'refund': {
      if (returnCase.status !== 'goods_received' || returnCase.outcome !== 'refund') {
        throw notNow(returnCase, 'refund', 'the goods must be back with refund chosen.');
      }
      assertBundlesCurrent(returnCase, context.bundleCharges);
      if (input.amount > returnCase.refundLimit) {
        throw invalidInput([
          { in: 'body', path: 'amount', message: `At most ${returnCase.refundLimit} fen may be refunded.` },
        ]);
      }
      const approval = returnCase.refundApproval;
      const needsApproval = input.amount > refundApproval.aboveFen;
      if (needsApproval && (!approval || input.amount > approval.amount)) {
        throw ruleRefused(
          'refund_needs_approval',
          `A refund above ${refundApproval.aboveFen} fen is paid only after one of ${refundApproval.roles.join(', ')} approved it${approval ? ` (approved: up to ${approval.amount} fen)` : ''}.`,
        );
      }
      to = 'done';
      changes = {
        refund: {
          amount: input.amount,
          method: input.method,
          reference: input.reference,
          by,
          at,
          ...(needsApproval && approval ? { approvedBy: approval.by } : {}),
        },
      };
      note ??= `refunded ${input.amount} fen by ${input.method} (${input.reference})`;
      break;
    }
    case 'approve_refund': {
      if (!context.roles.some((role) => refundApproval.roles.includes(role))) {
        throw forbidden(
          'refund_approval_not_allowed',
          `Approving a refund needs one of the roles: ${refundApproval.roles.join(', ')}.`,
        );
      }
      if (returnCase.status !== 'goods_received' || returnCase.outcome !== 'refund') {
        throw notNow(returnCase, 'approve a refund for', 'the goods must be back with refund chosen.');
      }
      assertBundlesCurrent(returnCase, context.bundleCharges);
      // The requester never approves their own request (DESIGN §4).
      if (by === returnCase.createdBy) {
        throw ruleRefused('refund_self_approval', 'Whoever registered the case cannot approve its refund.');
      }
      if (input.amount > returnCase.refundLimit) {
        throw invalidInput([
          { in: 'body', path: 'amount', message: `At most ${returnCase.refundLimit} fen may be refunded.` },
        ]);
      }
      const entry: TraceEntry = {
        rule: 'refund_approval',
        inputs: { by, amount: input.amount, aboveFen: refundApproval.aboveFen },
        result: 'applied',
        basis: `tenant policy refundApproval: a refund above ${refundApproval.aboveFen} fen needs one of ${refundApproval.roles.join(', ')}`,
      };
      to = 'goods_received';
      changes = {
        refundApproval: { by, at, amount: input.amount, aboveFen: refundApproval.aboveFen },
        decision: { ...returnCase.decision, trace: [...returnCase.decision.trace, entry] },
      };
      note ??= `refund approved up to ${input.amount} fen`;
      break;
    }
    case 'hand_over_replacement': {
      if (returnCase.status !== 'goods_received' || returnCase.outcome !== 'exchange') {
        throw notNow(
          returnCase,
          'hand over a replacement for',
          'the goods must be back with exchange chosen.',
        );
      }
      to = 'done';
      changes = { replacement: { ...(input.sku ? { sku: input.sku } : {}), by, at } };
      note ??= 'replacement handed over';
      break;
    }
    case 'recount': {
      const now = context.bundleCharges ?? [];
      const open = returnCase.status === 'decided' || returnCase.status === 'goods_received';
      const refunding = allowed.includes('refund') && returnCase.outcome !== 'exchange';
      if (!open || !refunding || !bundlesChanged(returnCase.decision.bundles, now)) {
        throw notNow(returnCase, 'recount', 'only an open refund whose bundle figures changed is recounted.');
      }
      to = returnCase.status;
      changes = recountBundles(returnCase, now);
      note ??= `bundle discount recounted: at most ${changes.refundLimit} fen`;
      break;
    }
    case 'choose_repair': {
      if (returnCase.status !== 'decided' || !allowed.includes('repair')) {
        throw notNow(returnCase, 'choose a repair for', 'the decision does not allow a repair.');
      }
      to = 'done';
      changes = { outcome: 'repair' };
      note ??= `repair (${returnCase.decision.repairFee ?? 'free'})`;
      break;
    }
    case 'refuse': {
      if (returnCase.status !== 'decided' || !allowed.includes('refused')) {
        throw notNow(
          returnCase,
          'refuse',
          'only a case the policy refused is refused; staff choose among the allowed outcomes.',
        );
      }
      to = 'refused';
      changes = { refusal: { explanation: input.explanation, by, at } };
      note ??= input.explanation;
      break;
    }
    case 'override': {
      if (!context.roles.some((role) => overrideRoles.includes(role))) {
        throw forbidden(
          'override_not_allowed',
          `Overriding a refusal needs one of the roles: ${overrideRoles.join(', ')}.`,
        );
      }
      if (returnCase.status !== 'decided' || allowed.includes(input.outcome)) {
        throw notNow(
          returnCase,
          `override to ${input.outcome}`,
          'only a decided case, to an outcome it does not allow yet.',
        );
      }
      const paid = returnCase.decision.lines.reduce((sum, line) => sum + line.paid, 0);
      const refundLimit =
        input.outcome === 'refund' ? Math.min(input.refundAmount ?? paid, paid) : returnCase.refundLimit;
      const entry: TraceEntry = {
        rule: 'override',
        inputs: { by, outcome: input.outcome, reason: input.reason, refundLimit, before: allowed.join(',') },
        result: 'applied',
        basis: 'override of the decision by an authorised role (tenant policy: overrideRoles)',
      };
      to = 'decided';
      changes = {
        allowedOutcomes: [...allowed.filter((outcome) => outcome !== 'refused'), input.outcome],
        refundLimit,
        override: { by, at, outcome: input.outcome, reason: input.reason },
        decision: { ...returnCase.decision, trace: [...returnCase.decision.trace, entry] },
      };
      note ??= `override to ${input.outcome}: ${input.reason}`;
      break;
    }
  }
  const next: ReturnCase = {
    ...returnCase,
    ...changes,
    status: to,
    history: [
      ...returnCase.history,
      { step: input.step, from: returnCase.status, to, by, at, ...(note ? { note } : {}) },
    ],
    updatedAt: at,
    version: returnCase.version + 1,
  };
  return { returnCase: next, event: caseEvent(returnCase, input.step, returnCase.status, to, context, note) };
}

/**
 * The bundles a case touches as the purchase's tally stands now (./bundles.ts). An overridden
 * refund is the amount granted: the bundle rule takes nothing off it, only gives back.
 */
export const caseBundleCharges = (
  purchase: Pick<Purchase, 'items' | 'bundles'>,
  returnCase: Pick<ReturnCase, 'decision' | 'reason' | 'override'>,
  tally: ReturnTally,
): BundleCharge[] =>
  bundleCharges(
    purchase,
    returnCase.override
      ? returnCase.decision.lines.map((line) => ({ ...line, refundAmount: 0 }))
      : returnCase.decision.lines,
    tally.lines,
    tally.bundlesHeld ?? {},
    returnCase.reason === 'no_reason',
  );

/** The tally after a refund of these lines; undefined when that would return more than was bought. */
export function addToTally(
  tally: ReturnTally,
  items: readonly { line: number; quantity: number }[],
  bought: readonly { quantity: number }[],
  bundles: readonly BundleCharge[] = [],
): ReturnTally | undefined {
  const lines: Record<string, number> = { ...tally.lines };
  for (const item of items) {
    const total = (lines[String(item.line)] ?? 0) + item.quantity;
    if (total > (bought[item.line - 1]?.quantity ?? 0)) return undefined;
    lines[String(item.line)] = total;
  }
  const held = { ...tally.bundlesHeld };
  for (const { bundle, heldAfter } of bundles) held[String(bundle)] = heldAfter;
  return {
    ...tally,
    lines,
    ...(bundles.length > 0 ? { bundlesHeld: held } : {}),
    version: tally.version + 1,
  };
}

/** Every unit of every line refunded: the purchase is `returned`. */
export const wholePurchaseReturned = (tally: ReturnTally, bought: readonly { quantity: number }[]) =>
  bought.every((item, index) => (tally.lines[String(index + 1)] ?? 0) >= item.quantity);
