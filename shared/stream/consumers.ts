import type { TableAccess } from '../db/table';

/**
 * The consumers of the table's change stream, declared once like the route table: CDK wires a
 * DynamoDB event source per entry (filtered to the entity tags it names), the local stream
 * runtime (infra/local/stream-runtime.ts) reads DynamoDB Local's stream and calls the same
 * handler with the same event shape, filtered the same way (`wantsRecord`). Pure data: safe to
 * import anywhere.
 *
 * Each consumer must be idempotent (DESIGN §7): a batch is retried whole or from its first failed
 * record (ReportBatchItemFailures), and the local runtime starts again from the oldest record the
 * stream still holds after a restart.
 */
export interface StreamConsumer {
  readonly handler: string;
  /** Entity tags of the items whose INSERT or MODIFY it receives (the new image's `entity`). */
  readonly entities: readonly string[];
  readonly batchSize: number;
  readonly timeoutSeconds: number;
  /** Retries of a failing batch before its records go to the consumer's dead-letter queue. */
  readonly maxRetries: number;
  readonly tableAccess: TableAccess;
}

/** The entity tags whose stream records carry events (shared/stream/events.ts): what the webhook fan-out reads. */
export const eventSourceTags = [
  'ticket_event',
  'deposit_entry',
  'revisit',
  'merchant',
  'wake_up_call',
  'loan',
  'lost_item',
  'guest_message',
  'luggage',
  'safe_box',
  'shift_handover',
  'department',
] as const;

/**
 * Items whose own history lines the reports count (a return's steps, a luggage pick-up…), besides
 * the ticket timeline and revisits; shared/reports/contributions.ts reads this list.
 */
export const reportLineSubjects = [
  'return_case',
  'repair_case',
  'complaint',
  'wake_up_call',
  'guest_message',
  'luggage',
  'lost_item',
  'loan',
  'safe_box',
] as const;

export const streamConsumers = {
  webhookFanOut: {
    handler: 'functions/stream/webhook-fan-out.ts',
    entities: eventSourceTags,
    batchSize: 25,
    timeoutSeconds: 30,
    maxRetries: 5,
    tableAccess: 'readwrite',
  },
  // Report aggregates (shared/reports): counted exactly once per fact, so redelivery is harmless.
  aggregateReports: {
    handler: 'functions/stream/aggregate-reports.ts',
    entities: ['ticket_event', 'revisit', ...reportLineSubjects],
    batchSize: 100,
    timeoutSeconds: 60,
    maxRetries: 5,
    tableAccess: 'readwrite',
  },
  // On-call counts (tickets opened, SLA breaches, escalations) as EMF; reads and writes no items.
  recordOperationalMetrics: {
    handler: 'functions/stream/record-operational-metrics.ts',
    entities: ['ticket_event'],
    batchSize: 100,
    timeoutSeconds: 30,
    maxRetries: 2,
    tableAccess: 'none',
  },
} as const satisfies Record<string, StreamConsumer>;

export type StreamConsumerName = keyof typeof streamConsumers;

/**
 * The Lambda event filter pattern of a consumer: inserts and modifications whose new image is one
 * of its entity tags. Removals (TTL expiries, dropped timers) never reach a consumer.
 */
export function streamFilterPattern(consumer: StreamConsumer): Record<string, unknown> {
  return {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: { NewImage: { entity: { S: [...consumer.entities] } } },
  };
}

/** The same filter, applied by the local runtime to a record as DynamoDB Streams gives it. */
export function wantsRecord(
  consumer: StreamConsumer,
  record: { eventName?: string; dynamodb?: { NewImage?: Record<string, unknown> } },
): boolean {
  if (record.eventName !== 'INSERT' && record.eventName !== 'MODIFY') return false;
  const entity = record.dynamodb?.NewImage?.entity as { S?: string } | undefined;
  return entity?.S !== undefined && consumer.entities.includes(entity.S);
}
