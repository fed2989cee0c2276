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
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** What an event is about: the kind of resource and its id (the payload carries the resource itself). */
export interface WebhookEvent {
  readonly type: WebhookEventType;
  readonly resource: { readonly kind: ResourceKind; readonly id: string };
}

export type ResourceKind = 'ticket' | 'revisit' | 'merchant' | 'wake_up_call' | 'loan' | 'lost_item';

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

const historyTypes: Record<
  Exclude<ChangeEvent['source'], 'ticket_event' | 'deposit_entry'>,
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
};

/**
 * The webhook event a change is, if any (comments, updates, reminders are not in the catalogue).
 * Pure: a change event in, its type and resource out.
 */
export function webhookEventOf(change: ChangeEvent): WebhookEvent | undefined {
  switch (change.source) {
    case 'ticket_event': {
      const event = change.event;
      const resource = { kind: 'ticket', id: event.ticketId } as const;
      if (event.kind === 'compensation') {
        const type = compensationSteps[event.step];
        return type ? { type, resource } : undefined;
      }
      if (event.kind === 'case_step') {
        return event.caseKind === 'return' ? { type: 'return.step_recorded', resource } : undefined;
      }
      const type = ticketKinds[event.kind];
      return type ? { type, resource } : undefined;
    }
    case 'deposit_entry':
      return {
        type: 'merchant.deposit_booked',
        resource: { kind: 'merchant', id: change.event.merchantId },
      };
    default: {
      const type = historyTypes[change.source][change.entry.what];
      return type ? { type, resource: { kind: change.source, id: change.subject.id } } : undefined;
    }
  }
}
