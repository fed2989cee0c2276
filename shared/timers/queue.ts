import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { TimerQueueName } from '../timers/functions';
import type { TimerMessage } from './schema';

/** Where timer work is sent: SQS in AWS, the in-process driver locally. Same semantics. */
export interface TimerQueuePort {
  send(queue: TimerQueueName, message: TimerMessage, delaySeconds: number): Promise<void>;
}

/** SQS's own ceiling for DelaySeconds. */
export const maxDelaySeconds = 900;

const queueUrlVariables: Record<TimerQueueName, string> = {
  escalation: 'ESCALATION_QUEUE_URL',
  revisit: 'REVISIT_QUEUE_URL',
  webhook: 'WEBHOOK_QUEUE_URL',
};

/** The SQS adapter; its queue URLs come from the environment CDK sets. */
export function sqsTimerQueue(
  client: Pick<SQSClient, 'send'>,
  env: NodeJS.ProcessEnv = process.env,
): TimerQueuePort {
  return {
    async send(queue, message, delaySeconds) {
      const queueUrl = env[queueUrlVariables[queue]];
      if (!queueUrl) throw new Error(`${queueUrlVariables[queue]} is not set`);
      await client.send(
        new SendMessageCommand({
          QueueUrl: queueUrl,
          MessageBody: JSON.stringify(message),
          DelaySeconds: Math.min(maxDelaySeconds, Math.max(0, Math.ceil(delaySeconds))),
        }),
      );
    },
  };
}

let registered: TimerQueuePort | undefined;

/** The local runtime registers its driver before any handler runs. */
export function registerTimerQueue(port: TimerQueuePort): void {
  registered = port;
}

/** The queue the sweeper sends to: the registered driver, else SQS (created once per container). */
export function timerQueue(): TimerQueuePort {
  registered ??= sqsTimerQueue(new SQSClient({}));
  return registered;
}
