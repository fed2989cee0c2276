import { metricNames } from '../observability/metric-names';
import type { ChangeEvent } from './events';

/** One count to publish: a metric name and the dimensions it is counted by. */
export interface OperationalCount {
  readonly metric: (typeof metricNames)[keyof typeof metricNames];
  readonly dimensions: Readonly<Record<string, string>>;
}

/**
 * What a change counts for the on-call dashboards: tickets opened, SLA breaches and escalations,
 * read from the ticket timeline on the change stream (so the HTTP handlers carry no metrics code).
 * Pure. Dimensions stay low-cardinality (a clock, never a tenant, store or ticket).
 */
export function operationalCountsOf(change: ChangeEvent): OperationalCount[] {
  if (change.source !== 'ticket_event') return [];
  const event = change.event;
  switch (event.kind) {
    case 'created':
      return [{ metric: metricNames.ticketsOpened, dimensions: {} }];
    case 'sla_breached':
      return [{ metric: metricNames.slaBreaches, dimensions: { clock: event.clock } }];
    case 'sla_escalated':
      return [{ metric: metricNames.escalations, dimensions: { clock: event.clock } }];
    default:
      return [];
  }
}
