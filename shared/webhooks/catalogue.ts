import type { ChangeEvent } from '../stream/events';

/**
 * The webhook event catalogue: the one list the subscription schema, the OpenAPI contract and
 * the mapper below use. Each type names a change the table records anyway (a timeline event, a
 * history entry, a ledger line), so an event is never invented on the way out.
 */
export const webhookEventTypes = [
  'ticket.created',
  'ticket.assigned',
  'ticket.status_changed',
  'sla.warning',
  'sla.breached',
  'sla.escalated',
  'revisit.due',
  'revisit.done',
  'return.step_recorded',
  'compensation.requested',
  'compensation.approved',
  'compensation.rejected',
  'compensation.paid',
  'compensation.recovered',
  'compensation.closed',
  'merchant.admitted',
  'merchant.exiting',
  'merchant.exited',
  'merchant.deposit_booked',
  'wake_up_call.requested',
  'wake_up_call.escalated',
  'wake_up_call.done',
  'loan.lent',
  'loan.overdue',
  'loan.returned',
  'lost_item.found',
  'lost_item.claimed',
  'lost_item.disposed',
  // The areas that landed last: cases on the ticket (repairs, complaints), departments and the
  // rest of the front-office ledgers.
  'repair.registered',
  'repair.step_recorded',
  'repair.stalled',
  'complaint.registered',
  'complaint.judged',
  'complaint.task_assigned',
  'complaint.task_done',
  'complaint.task_overdue',
  'complaint.remedied',
  'complaint.fed_back',
  'complaint.closed',
  'department.created',
  'department.updated',
  'guest_message.taken',
  'guest_message.undelivered',
  'guest_message.delivered',
  'guest_message.acknowledged',
  'luggage.stored',
  'luggage.unclaimed',
  'luggage.picked_up',
  'safe_box.opened',
  'safe_box.accessed',
  'safe_box.closed',
  'safe_box.key_not_returned',
  'shift_handover.handed_over',
  'shift_handover.accepted',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/**
 * How a subscription's messages look: the Standard Webhooks JSON, or the markdown message of a
 * 企业微信 or 钉钉 group robot (./formats.ts).
 */
export const webhookFormats = ['standard', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

/** What an event is about: the kind of resource and its id (the payload carries the resource itself). */
export interface WebhookEvent {
  readonly type: WebhookEventType;
  readonly resource: { readonly kind: ResourceKind; readonly id: string };
}

export type ResourceKind =
  | 'ticket'
  | 'revisit'
  | 'merchant'
  | 'wake_up_call'
  | 'loan'
  | 'lost_item'
  | 'guest_message'
  | 'luggage'
  | 'safe_box'
  | 'shift_handover'
  | 'department';

const compensationSteps: Partial<Record<string, WebhookEventType>> = {
  requested: 'compensation.requested',
  approved: 'compensation.approved',
  rejected: 'compensation.rejected',
  paid: 'compensation.paid',
  recovered: 'compensation.recovered',
  closed: 'compensation.closed',
};

const ticketKinds: Partial<Record<string, WebhookEventType>> = {
  created: 'ticket.created',
  assigned: 'ticket.assigned',
  status_changed: 'ticket.status_changed',
  sla_warning: 'sla.warning',
  sla_breached: 'sla.breached',
  sla_escalated: 'sla.escalated',
};

/**
 * A complaint case's steps (shared/complaints/model.ts `complaintEvent`). A complaint judged not
 * valid is closed by that judgement: it is both `complaint.judged` and `complaint.closed`.
 */
const complaintSteps: Partial<Record<string, WebhookEventType>> = {
  registered: 'complaint.registered',
  judge: 'complaint.judged',
  add_task: 'complaint.task_assigned',
  record_findings: 'complaint.task_done',
  task_overdue: 'complaint.task_overdue',
  record_remedy: 'complaint.remedied',
  record_feedback: 'complaint.fed_back',
  record_satisfaction: 'complaint.closed',
};

/** A repair's steps (shared/repairs): registered, the reminders of a stalled case, every other step. */
const repairType = (step: string): WebhookEventType =>
  step === 'registered'
    ? 'repair.registered'
    : step.startsWith('stalled_')
      ? 'repair.stalled'
      : 'repair.step_recorded';

function caseStepTypes(caseKind: string, step: string, to: string): WebhookEventType[] {
  switch (caseKind) {
    case 'return':
      return ['return.step_recorded'];
    case 'repair':
      return [repairType(step)];
    case 'complaint': {
      const type = complaintSteps[step];
      if (!type) return [];
      return to === 'closed' && type !== 'complaint.closed' ? [type, 'complaint.closed'] : [type];
    }
    default:
      return [];
  }
}

const historyTypes: Record<
  Exclude<ChangeEvent['source'], 'ticket_event' | 'deposit_entry' | 'department'>,
  Partial<Record<string, WebhookEventType>>
> = {
  revisit: { due: 'revisit.due', done: 'revisit.done' },
  merchant: { admitted: 'merchant.admitted', exiting: 'merchant.exiting', exited: 'merchant.exited' },
  wake_up_call: {
    requested: 'wake_up_call.requested',
    escalated: 'wake_up_call.escalated',
    done: 'wake_up_call.done',
  },
  loan: { lent: 'loan.lent', overdue_reminded: 'loan.overdue', returned: 'loan.returned' },
  lost_item: { found: 'lost_item.found', claimed: 'lost_item.claimed', disposed: 'lost_item.disposed' },
  guest_message: {
    taken: 'guest_message.taken',
    undelivered_reminded: 'guest_message.undelivered',
    delivered: 'guest_message.delivered',
    acknowledged: 'guest_message.acknowledged',
  },
  luggage: {
    stored: 'luggage.stored',
    unclaimed_reminded: 'luggage.unclaimed',
    picked_up: 'luggage.picked_up',
  },
  safe_box: {
    opened: 'safe_box.opened',
    accessed: 'safe_box.accessed',
    closed: 'safe_box.closed',
    key_not_returned: 'safe_box.key_not_returned',
  },
  shift_handover: { handed_over: 'shift_handover.handed_over', accepted: 'shift_handover.accepted' },
};

/**
 * The webhook events a change is: usually one, none for what the catalogue leaves out (comments,
 * updates, reminders), two for a complaint a judgement closes. Pure: a change event in, its types
 * and resource out.
 */
export function webhookEventsOf(change: ChangeEvent): WebhookEvent[] {
  const events = (types: readonly (WebhookEventType | undefined)[], resource: WebhookEvent['resource']) =>
    types.flatMap((type) => (type ? [{ type, resource }] : []));
  switch (change.source) {
    case 'ticket_event': {
      const event = change.event;
      const resource = { kind: 'ticket', id: event.ticketId } as const;
      if (event.kind === 'compensation') return events([compensationSteps[event.step]], resource);
      if (event.kind === 'case_step')
        return events(caseStepTypes(event.caseKind, event.step, event.to), resource);
      return events([ticketKinds[event.kind]], resource);
    }
    case 'deposit_entry':
      return events(['merchant.deposit_booked'], { kind: 'merchant', id: change.event.merchantId });
    case 'department':
      return events([`department.${change.change}`], { kind: 'department', id: change.subject.id });
    default:
      return events([historyTypes[change.source][change.entry.what]], {
        kind: change.source,
        id: change.subject.id,
      });
  }
}

/**
 * Whether a subscription wants an event of this store. An event whose resource has no store (a
 * tenant-wide department) belongs to no other store, so a store filter lets it through.
 */
export const wantsStore = (storeIds: readonly string[] | undefined, storeId: string | undefined): boolean =>
  storeIds === undefined || storeId === undefined || storeIds.includes(storeId);
