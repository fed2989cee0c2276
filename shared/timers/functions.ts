import type { TableAccess } from '../db/table';

/**
 * The functions no HTTP request starts: the sweeper and the timer queues' consumers. CDK wires
 * the schedule and the SQS event sources from here; the local timer runtime calls the same modules.
 * Pure data: safe to import in Lambda code.
 */
export interface ScheduledFunction {
  readonly handler: string;
  readonly everyMinutes: number;
  readonly tableAccess: TableAccess;
}

export const scheduledFunctions = {
  sweeper: { handler: 'functions/schedule/sweeper.ts', everyMinutes: 1, tableAccess: 'readwrite' },
} as const satisfies Record<string, ScheduledFunction>;

/**
 * `webhook` carries outbound webhook attempts alone: a slow receiver (up to its request timeout
 * per attempt) must never delay an escalation or a wake-up call behind it.
 */
export const timerQueues = ['escalation', 'revisit', 'webhook'] as const;
export type TimerQueueName = (typeof timerQueues)[number];

/** Consumers of the timer queues: CDK wires an SQS event source, the local driver calls them. */
export interface QueueConsumer {
  readonly queue: TimerQueueName;
  readonly handler: string;
  readonly batchSize: number;
  readonly timeoutSeconds: number;
  readonly tableAccess: 'read' | 'readwrite';
}

export const queueConsumers = {
  escalationConsumer: {
    queue: 'escalation',
    handler: 'functions/queue/escalation.ts',
    batchSize: 10,
    timeoutSeconds: 10,
    tableAccess: 'readwrite',
  },
  revisitConsumer: {
    queue: 'revisit',
    handler: 'functions/queue/revisit.ts',
    batchSize: 10,
    timeoutSeconds: 10,
    tableAccess: 'readwrite',
  },
  webhookConsumer: {
    queue: 'webhook',
    handler: 'functions/queue/webhook.ts',
    // Attempts of a batch run side by side; each waits at most sending.ts `requestTimeoutMs`.
    batchSize: 5,
    timeoutSeconds: 10,
    tableAccess: 'readwrite',
  },
} as const satisfies Record<string, QueueConsumer>;

/** SQS settings both runtimes keep: visibility ≥ 6 × the longest consumer timeout, 5 receives to the DLQ. */
export const timerQueueSettings = { visibilityTimeoutSeconds: 60, maxReceiveCount: 5 } as const;
