import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildLambdaContext } from '../../infra/local/events';
import { metricNames, metricsNamespace, serviceName } from '../../shared/observability/metric-names';
import { type FireTimer, timerQueueConsumer } from '../../shared/timers/consumer';
import type { TimerMessage } from '../../shared/timers/schema';
import { emfLinesOf, metricLines } from '../kit/emf';

const record = (messageId: string, body: unknown): SQSRecord =>
  ({ messageId, body: typeof body === 'string' ? body : JSON.stringify(body) }) as SQSRecord;
const event = (...records: SQSRecord[]): SQSEvent => ({ Records: records });
const message = (over: Partial<TimerMessage> = {}): TimerMessage => ({
  kind: 'revisit',
  pk: 'T#t1#REVISIT#r1',
  sk: 'TIMER#revisit',
  generation: 3,
  ...over,
});

afterEach(() => vi.restoreAllMocks());

describe('timerQueueConsumer', () => {
  it('reports the lag of an applied step (fired at − due at) in the namespace the alarm reads', async () => {
    const fire = vi.fn<FireTimer>(async () => 'applied');
    const handler = timerQueueConsumer('revisit', { revisit: fire });
    const dueAt = new Date(Date.now() - 90_000).toISOString();
    let answer: unknown;
    const lines = await emfLinesOf(async () => {
      answer = await handler(event(record('m1', message({ dueAt }))), buildLambdaContext('consumer'));
    });
    expect(answer).toEqual({ batchItemFailures: [] });
    expect(fire).toHaveBeenCalledTimes(1);
    const lag = metricLines(lines, metricNames.timerLag);
    expect(lag).toHaveLength(1);
    expect(lag[0]?._aws.CloudWatchMetrics[0]?.Namespace).toBe(metricsNamespace);
    expect(lag[0]?.service).toBe(serviceName);
    // At least the 90 s it was late; the bound above only allows for a slow machine.
    expect(lag[0]?.[metricNames.timerLag]).toBeGreaterThanOrEqual(90);
    expect(lag[0]?.[metricNames.timerLag]).toBeLessThan(90 + 600);
    const steps = metricLines(lines, metricNames.timerSteps);
    expect(steps.map((line) => [line.kind, line.outcome])).toEqual([['revisit', 'applied']]);
  });

  it('reports no lag for a stale or duplicate step, or a message without its due time, but counts every step', async () => {
    const outcomes: Awaited<ReturnType<FireTimer>>[] = ['stale', 'duplicate', 'applied'];
    const handler = timerQueueConsumer('revisit', { revisit: async () => outcomes.shift() ?? 'stale' });
    const dueAt = new Date(Date.now() - 5_000).toISOString();
    const lines = await emfLinesOf(() =>
      handler(
        event(record('m1', message({ dueAt })), record('m2', message({ dueAt })), record('m3', message())),
        buildLambdaContext('consumer'),
      ),
    );
    expect(metricLines(lines, metricNames.timerLag)).toEqual([]);
    expect(metricLines(lines, metricNames.timerSteps).map((line) => line.outcome)).toEqual([
      'stale',
      'duplicate',
      'applied',
    ]);
  });

  it('fails only the records it cannot take: malformed, or of a kind this queue does not carry', async () => {
    const fire = vi.fn<FireTimer>(async () => 'applied');
    const handler = timerQueueConsumer('revisit', { revisit: fire });
    const answer = await handler(
      event(
        record('good', message()),
        record('not-json', '{'),
        record('unknown-field', { ...message(), extra: 1 }),
        record('wrong-queue', message({ kind: 'sla' })),
      ),
      buildLambdaContext('consumer'),
    );
    expect(answer.batchItemFailures.map((failure) => failure.itemIdentifier).sort()).toEqual([
      'not-json',
      'unknown-field',
      'wrong-queue',
    ]);
    expect(fire).toHaveBeenCalledTimes(1);
  });
});
