import type { ReturnCase } from '../../after-sales/model';
import type { CompensationClaim } from '../../compensation/views';
import type { Complaint } from '../../complaints/views';
import type {
  CompensationApprovalLine,
  ComplaintRegisterLine,
  ReturnRegisterLine,
  RevisitRegisterLine,
} from '../../exports/views';
import type { Revisit } from '../../revisits/views';
import { localMinute } from '../../time/local-days';

/*
 * A case as one line of its register: pure, from the case and what the page looked up once for
 * all its lines (names, ticket numbers, customers, purchases). Times local to the store.
 */

export interface RegisterLookups {
  readonly timezone: string;
  /** Staff names by sign-in (the `by` of every step); an unknown sign-in is written as is. */
  readonly users: ReadonlyMap<string, string>;
  /** Staff names by staff id (assignees). */
  readonly staff?: ReadonlyMap<string, string>;
  readonly tickets?: ReadonlyMap<string, { readonly number: string; readonly channel: string }>;
  readonly customers?: ReadonlyMap<string, { readonly name?: string | undefined; readonly phone: string }>;
  readonly purchases?: ReadonlyMap<
    string,
    {
      readonly orderNumber?: string | undefined;
      readonly purchasedOn: string;
      readonly deliveredOn?: string | undefined;
    }
  >;
}

/** Without the absent fields, so the JSON line is what its schema says (no `undefined` values). */
function present<T>(line: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(line).filter(([, value]) => value !== undefined)) as T;
}

const nameOf = (names: ReadonlyMap<string, string>, id: string) => names.get(id) ?? id;

export function returnRegisterLineOf(returnCase: ReturnCase, lookups: RegisterLookups): ReturnRegisterLine {
  const local = (at: string | undefined) => localMinute(at, lookups.timezone);
  const customer = lookups.customers?.get(returnCase.customerId);
  const purchase = lookups.purchases?.get(returnCase.purchaseId);
  const finished = returnCase.history.findLast((entry) => entry.to === 'done' || entry.to === 'refused');
  return present<ReturnRegisterLine>({
    returnId: returnCase.id,
    ticketId: returnCase.ticketId,
    ticketNumber: lookups.tickets?.get(returnCase.ticketId)?.number,
    registeredAt: local(returnCase.createdAt),
    customerName: customer?.name,
    customerPhone: customer?.phone,
    orderNumber: purchase?.orderNumber,
    purchasedOn: purchase?.purchasedOn,
    deliveredOn: purchase?.deliveredOn,
    items: returnCase.decision.lines.map((line) => ({
      line: line.line,
      name: line.name,
      quantity: line.quantity,
      paid: line.paid,
    })),
    kind: returnCase.kind,
    reason: returnCase.reason,
    description: returnCase.description,
    condition: returnCase.condition,
    allowedOutcomes: returnCase.allowedOutcomes,
    outcome: returnCase.status === 'refused' ? 'refused' : returnCase.outcome,
    overrideReason: returnCase.override?.reason,
    refusal: returnCase.refusal?.explanation,
    refundLimit: returnCase.refundLimit,
    refundAmount: returnCase.refund?.amount,
    refundMethod: returnCase.refund?.method,
    refundReference: returnCase.refund?.reference,
    registeredBy: nameOf(lookups.users, returnCase.createdBy),
    approvedBy: returnCase.refundApproval ? nameOf(lookups.users, returnCase.refundApproval.by) : undefined,
    status: returnCase.status,
    finishedAt: local(finished?.at),
  });
}

export function complaintRegisterLineOf(
  complaint: Complaint,
  lookups: RegisterLookups,
): ComplaintRegisterLine {
  const local = (at: string | undefined) => localMinute(at, lookups.timezone);
  const { respondent } = complaint;
  return present<ComplaintRegisterLine>({
    complaintId: complaint.id,
    ticketNumber: complaint.ticketNumber,
    receivedAt: local(complaint.receivedAt),
    channel: lookups.tickets?.get(complaint.ticketId)?.channel,
    complainant: complaint.complainant.name,
    phone: complaint.complainant.phone,
    content: complaint.content,
    category: complaint.category,
    respondentKind: respondent.kind,
    respondent: [respondent.name, respondent.description].filter(Boolean).join(' ') || undefined,
    claimKinds: complaint.claim.kinds,
    claimDetail: complaint.claim.detail,
    claimAmount: complaint.claim.amount,
    validity: complaint.judgement?.validity,
    validityReason: complaint.judgement?.reason,
    handledBy: nameOf(lookups.users, complaint.handledBy),
    findings: complaint.tasks.flatMap((task) =>
      task.findings ? [`${task.assignee.name}：${task.findings}`] : [],
    ),
    result: complaint.remedy?.result ?? complaint.judgement?.explanation,
    remedy: complaint.remedy?.remedy,
    remedyAmount: complaint.remedy?.amount,
    feedbackAt: local(complaint.feedback?.at),
    feedbackMethod: complaint.feedback?.method,
    feedback: complaint.feedback?.content,
    satisfaction: complaint.satisfaction?.score,
    status: complaint.status,
    closedAt: local(complaint.closedAt),
  });
}

export function compensationApprovalLineOf(
  claim: CompensationClaim,
  lookups: RegisterLookups,
): CompensationApprovalLine {
  const local = (at: string | undefined) => localMinute(at, lookups.timezone);
  const approvedAll = !['pending_approval', 'rejected'].includes(claim.status);
  const lastApproval = claim.decisions.findLast((decision) => decision.decision === 'approve');
  return present<CompensationApprovalLine>({
    claimId: claim.id,
    ticketNumber: claim.ticketNumber,
    requestedAt: local(claim.createdAt),
    requestedBy: nameOf(lookups.users, claim.createdBy),
    beneficiary: claim.beneficiary.name,
    beneficiaryPhone: claim.beneficiary.phone,
    merchantName: claim.merchantName,
    reason: claim.reason,
    claimed: claim.amount,
    approved: approvedAll ? (lastApproval?.amount ?? claim.amount) : undefined,
    decisions: claim.decisions.map((decision) =>
      present({
        role: decision.role,
        decision: decision.decision,
        by: nameOf(lookups.users, decision.by),
        amount: decision.amount,
        reason: decision.reason,
        at: local(decision.at),
      }),
    ),
    status: claim.status,
    paidAt: local(claim.payment?.paidAt),
    paymentMethod: claim.payment?.method,
    paymentReference: claim.payment?.reference,
    paidBy: claim.payment ? nameOf(lookups.users, claim.payment.paidBy) : undefined,
    deducted: claim.recovery?.deducted,
    receivable: claim.recovery?.receivable,
    settled: claim.settlements?.reduce((sum, settlement) => sum + settlement.amount, 0),
    closedAt: local(claim.closedAt),
  });
}

export function revisitRegisterLineOf(revisit: Revisit, lookups: RegisterLookups): RevisitRegisterLine {
  const local = (at: string | undefined) => localMinute(at, lookups.timezone);
  const customer = lookups.customers?.get(revisit.customerId);
  const last = revisit.attempts.at(-1);
  const finished = revisit.history.findLast((entry) => ['done', 'failed', 'cancelled'].includes(entry.what));
  const ticketId = revisit.ticketId;
  return present<RevisitRegisterLine>({
    revisitId: revisit.id,
    dueAt: local(revisit.dueAt),
    kind: revisit.kind,
    purpose: revisit.purpose,
    customerName: customer?.name,
    customerPhone: customer?.phone,
    ticketNumber: ticketId ? lookups.tickets?.get(ticketId)?.number : undefined,
    note: revisit.note,
    assigneeName: revisit.assigneeId ? nameOf(lookups.staff ?? new Map(), revisit.assigneeId) : undefined,
    attempts: revisit.attempts.length,
    lastAttemptAt: local(last?.at),
    lastOutcome: last?.outcome,
    calledBy: [...new Set(revisit.attempts.map((attempt) => nameOf(lookups.users, attempt.by)))],
    comment: revisit.attempts.findLast((attempt) => attempt.comment)?.comment,
    satisfaction: revisit.satisfaction,
    status: revisit.status,
    finishedAt: local(finished?.at),
    followUp: revisit.followUpTicketId !== undefined,
  });
}
