import type { TicketPriority, TicketType } from '../schema/ticket-vocabulary';
import { type SlaPolicy, standardLadder } from './schema';

const ladder = [...standardLadder];

/**
 * What a new tenant runs on: response and resolution targets by priority, in business minutes
 * of the store's calendar, warning at 80 %, breach → supervisors, two business hours later → managers.
 */
export const defaultSlaPolicies: readonly SlaPolicy[] = [
  {
    name: 'Urgent',
    match: { priorities: ['urgent'] },
    firstResponseMinutes: 15,
    resolutionMinutes: 240,
    warningPercent: 80,
    escalations: ladder,
  },
  {
    name: 'High',
    match: { priorities: ['high'] },
    firstResponseMinutes: 30,
    resolutionMinutes: 480,
    warningPercent: 80,
    escalations: ladder,
  },
  {
    name: 'Normal',
    match: { priorities: ['normal'] },
    firstResponseMinutes: 60,
    resolutionMinutes: 1440,
    warningPercent: 80,
    escalations: ladder,
  },
  {
    name: 'Low',
    match: { priorities: ['low'] },
    firstResponseMinutes: 240,
    resolutionMinutes: 2880,
    warningPercent: 80,
    escalations: ladder,
  },
];

export interface SlaPolicySet {
  readonly policies: readonly SlaPolicy[];
  readonly version: number;
  readonly updatedAt?: string;
}

/** The first policy whose every stated condition holds; undefined when none does (no SLA). */
export function matchPolicy(
  policies: readonly SlaPolicy[],
  ticket: { type: TicketType; priority: TicketPriority; storeId: string },
): SlaPolicy | undefined {
  return policies.find(
    ({ match }) =>
      (!match.types || match.types.includes(ticket.type)) &&
      (!match.priorities || match.priorities.includes(ticket.priority)) &&
      (!match.storeIds || match.storeIds.includes(ticket.storeId)),
  );
}
