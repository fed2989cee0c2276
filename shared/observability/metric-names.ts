/**
 * Names shared by the code that emits metrics (shared/observability/metrics.ts) and the stack's
 * alarms on them (infra/stack.ts), so the two cannot drift apart.
 */
export const metricsNamespace = 'ServiceDesk';
/** The `service` dimension Powertools adds to every metric; the stack sets SERVICE_NAME to the same. */
export const serviceName = 'service-desk';

export const metricNames = {
  /** Seconds from a timer's due time to its effect (one value per applied timer step). */
  timerLag: 'TimerLag',
  /** Timer steps taken, by kind and outcome (applied, stale, duplicate…). */
  timerSteps: 'TimerSteps',
  /** Tickets opened (one per `created` timeline event); no store or tenant dimension, to keep it cheap. */
  ticketsOpened: 'TicketsOpened',
  /** SLA clocks breached, by clock (first_response, resolution). */
  slaBreaches: 'SlaBreaches',
  /** Escalations made (each level counts once), by clock. */
  escalations: 'Escalations',
  /** Webhook delivery attempts, by outcome (delivered, failed, refused by the address guard). */
  webhookAttempts: 'WebhookAttempts',
  /** Change-stream records a consumer could not handle this time (retried, then parked), by consumer. */
  streamRecordFailures: 'StreamRecordFailures',
} as const;
