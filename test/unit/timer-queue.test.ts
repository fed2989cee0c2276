import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { describe, expect, it, vi } from 'vitest';
import { sqsTimerQueue } from '../../shared/timers/queue';

/** The SQS adapter at its SDK boundary: the only place the SQS client is mocked. */

describe('SQS timer queue adapter', () => {
  const message = { kind: 'sla' as const, pk: 'T#acme#TIMER#01M8', sk: 'resolution', generation: 3 };

  it('sends the timer message to the queue URL from the environment with SQS’s delay', async () => {
    const send = vi.fn().mockResolvedValue({});
    const queue = sqsTimerQueue({ send }, { ESCALATION_QUEUE_URL: 'https://sqs.local/escalation' });
    await queue.send('escalation', message, 123.2);
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0]?.[0] as SendMessageCommand;
    expect(command).toBeInstanceOf(SendMessageCommand);
    expect(command.input).toEqual({
      QueueUrl: 'https://sqs.local/escalation',
      MessageBody: JSON.stringify(message),
      DelaySeconds: 124,
    });
  });

  it('clamps the delay to 0–900 s, and refuses to send without a queue URL', async () => {
    const send = vi.fn().mockResolvedValue({});
    const queue = sqsTimerQueue({ send }, { REVISIT_QUEUE_URL: 'https://sqs.local/revisit' });
    await queue.send('revisit', message, -40);
    await queue.send('revisit', message, 3600);
    expect(send.mock.calls.map(([command]) => (command as SendMessageCommand).input.DelaySeconds)).toEqual([
      0, 900,
    ]);
    await expect(queue.send('escalation', message, 0)).rejects.toThrow('ESCALATION_QUEUE_URL');
  });

  it('passes SDK failures on, so the timer’s lease brings it back', async () => {
    const send = vi.fn().mockRejectedValue(new Error('ThrottlingException'));
    const queue = sqsTimerQueue({ send }, { ESCALATION_QUEUE_URL: 'https://sqs.local/escalation' });
    await expect(queue.send('escalation', message, 0)).rejects.toThrow('ThrottlingException');
  });
});
