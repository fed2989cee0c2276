import { createHash, randomUUID } from 'node:crypto';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { type TimerQueueName, timerQueueSettings } from '../../shared/timers/functions';
import type { TimerQueuePort } from '../../shared/timers/queue';
import type { TimerMessage } from '../../shared/timers/schema';
import { buildLambdaContext } from './events';

export type QueueConsumerHandler = (
  event: SQSEvent,
  context: Context,
) => Promise<SQSBatchResponse | undefined>;

interface QueuedMessage {
  readonly messageId: string;
  readonly body: string;
  readonly sentAt: number;
  visibleAt: number;
  receiveCount: number;
  firstReceivedAt?: number;
}

export interface LocalQueueOptions {
  /** The service's notion of now (the controllable clock): delays and visibility run on it. */
  readonly now: () => Date;
  readonly visibilityTimeoutSeconds?: number;
  readonly maxReceiveCount?: number;
  readonly batchSize?: number;
  readonly log?: (line: string) => void;
}

/**
 * SQS semantics in process, for local mode: DelaySeconds, visibility timeout, at-least-once
 * delivery, partial batch failure (`batchItemFailures`), and after `maxReceiveCount` failed
 * receives the message moves to the queue's DLQ. Consumers get real `SQSEvent` records.
 * Messages live in memory: a restart loses them, exactly the loss the timers' leases recover.
 */
export class LocalQueueDriver implements TimerQueuePort {
  private readonly queues = new Map<TimerQueueName, QueuedMessage[]>();
  private readonly deadLetters = new Map<TimerQueueName, QueuedMessage[]>();
  private readonly invocationFailures = new Map<TimerQueueName, number>();
  private draining: Promise<number> = Promise.resolve(0);
  /** Messages handed to a consumer whose invocation has not returned yet. */
  private inFlight = 0;
  private received = 0;
  private readonly visibilityMs: number;
  private readonly maxReceiveCount: number;
  private readonly batchSize: number;

  constructor(
    private readonly consumers: Partial<Record<TimerQueueName, QueueConsumerHandler>>,
    private readonly options: LocalQueueOptions,
  ) {
    this.visibilityMs =
      (options.visibilityTimeoutSeconds ?? timerQueueSettings.visibilityTimeoutSeconds) * 1000;
    this.maxReceiveCount = options.maxReceiveCount ?? timerQueueSettings.maxReceiveCount;
    this.batchSize = options.batchSize ?? 10;
  }

  async send(queue: TimerQueueName, message: TimerMessage, delaySeconds: number): Promise<void> {
    this.sendRaw(queue, JSON.stringify(message), delaySeconds);
  }

  /** Any body, as a producer might send it (tests use this for poison messages). */
  sendRaw(queue: TimerQueueName, body: string, delaySeconds = 0): void {
    const now = this.options.now().getTime();
    const delay = Math.min(900, Math.max(0, Math.ceil(delaySeconds))) * 1000;
    this.list(this.queues, queue).push({
      messageId: randomUUID(),
      body,
      sentAt: now,
      visibleAt: now + delay,
      receiveCount: 0,
    });
  }

  /** Makes the next `count` invocations of a queue's consumer fail as a crashed or timed-out Lambda would. */
  failNextInvocations(queue: TimerQueueName, count: number): void {
    this.invocationFailures.set(queue, count);
  }

  /** Bodies waiting in a queue, visible or not (tests copy them to simulate duplicates). */
  peek(queue: TimerQueueName): string[] {
    return this.list(this.queues, queue).map((message) => message.body);
  }

  depth(queue: TimerQueueName): number {
    return this.list(this.queues, queue).length;
  }

  deadLetterBodies(queue: TimerQueueName): string[] {
    return this.list(this.deadLetters, queue).map((message) => message.body);
  }

  /**
   * Deliveries still owed by `at`: messages whose delay or visibility timeout has ended by then,
   * plus those a consumer is working on right now. Zero means the queues hold no due work.
   */
  pendingBy(at: Date): number {
    let pending = this.inFlight;
    for (const messages of this.queues.values()) {
      pending += messages.filter((message) => message.visibleAt <= at.getTime()).length;
    }
    return pending;
  }

  /** Receives so far, by any drain, failed or not: a settle sees from it whether others delivered meanwhile. */
  get receives(): number {
    return this.received;
  }

  /** Delivers everything visible now, batch by batch; returns how many deliveries were made. */
  drain(): Promise<number> {
    // One drain at a time, like one poller per queue.
    // A failed drain must not poison the chain: the next one still runs.
    this.draining = this.draining.catch(() => 0).then(() => this.drainOnce());
    return this.draining;
  }

  private async drainOnce(): Promise<number> {
    let delivered = 0;
    for (const queue of Object.keys(this.consumers) as TimerQueueName[]) {
      for (let round = 0; round < 1000; round++) {
        const now = this.options.now().getTime();
        const batch = this.list(this.queues, queue)
          .filter((message) => message.visibleAt <= now)
          .slice(0, this.batchSize);
        if (batch.length === 0) break;
        delivered += batch.length;
        await this.deliver(queue, batch, now);
      }
    }
    return delivered;
  }

  private async deliver(queue: TimerQueueName, batch: QueuedMessage[], now: number): Promise<void> {
    for (const message of batch) {
      message.visibleAt = now + this.visibilityMs;
      message.receiveCount++;
      this.received++;
      message.firstReceivedAt ??= now;
    }
    const failed = new Set<string>();
    const crashes = this.invocationFailures.get(queue) ?? 0;
    if (crashes > 0) {
      this.invocationFailures.set(queue, crashes - 1);
      for (const message of batch) failed.add(message.messageId);
    } else {
      this.inFlight += batch.length;
      try {
        const consumer = this.consumers[queue];
        const response = consumer
          ? await consumer(this.event(queue, batch), buildLambdaContext(`local-${queue}-consumer`))
          : undefined;
        for (const failure of response?.batchItemFailures ?? []) failed.add(failure.itemIdentifier);
      } catch (error) {
        this.options.log?.(`${queue} consumer failed: ${(error as Error).message}`);
        for (const message of batch) failed.add(message.messageId);
      } finally {
        this.inFlight -= batch.length;
      }
    }
    const remaining = this.list(this.queues, queue);
    for (const message of batch) {
      const index = remaining.indexOf(message);
      if (!failed.has(message.messageId)) {
        remaining.splice(index, 1);
      } else if (message.receiveCount >= this.maxReceiveCount) {
        remaining.splice(index, 1);
        this.list(this.deadLetters, queue).push(message);
        this.options.log?.(
          `${queue}: message ${message.messageId} moved to the DLQ after ${message.receiveCount} receives`,
        );
      }
    }
  }

  private event(queue: TimerQueueName, batch: readonly QueuedMessage[]): SQSEvent {
    return {
      Records: batch.map(
        (message): SQSRecord => ({
          messageId: message.messageId,
          receiptHandle: `${message.messageId}#${message.receiveCount}`,
          body: message.body,
          attributes: {
            ApproximateReceiveCount: String(message.receiveCount),
            SentTimestamp: String(message.sentAt),
            SenderId: 'local',
            ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
          },
          messageAttributes: {},
          md5OfBody: createHash('md5').update(message.body).digest('hex'),
          eventSource: 'aws:sqs',
          eventSourceARN: `arn:aws:sqs:local:000000000000:${queue}`,
          awsRegion: 'local',
        }),
      ),
    };
  }

  private list(map: Map<TimerQueueName, QueuedMessage[]>, queue: TimerQueueName): QueuedMessage[] {
    let list = map.get(queue);
    if (!list) {
      list = [];
      map.set(queue, list);
    }
    return list;
  }
}
