import { describe, expect, it } from 'vitest';
import { handler as recordOperationalMetrics } from '../../functions/stream/record-operational-metrics';
import { metricNames, metricsNamespace, serviceName } from '../../shared/observability/metric-names';
import { recordStreamFailures } from '../../shared/observability/metrics';
import { emfLinesOf, metricLines } from '../kit/emf';
import { streamEvent, streamRecordsOf } from '../kit/stream';

const ticketId = '01JDQ80C1B2C3D4E5F6G7H8J9K';
let next = 0;
const timelineItem = (kind: string, extra: Record<string, unknown> = {}) => {
  next += 1;
  const id = `01JDQ90C1B2C3D4E5F6G7H8J${String(next).padStart(2, '0')}`;
  return {
    pk: `T#chain#TICKET#${ticketId}`,
    sk: `EVENT#${id}`,
    entity: 'ticket_event',
    id,
    ticketId,
    actorId: 'system',
    at: '2026-11-27T02:00:00.000Z',
    kind,
    ...extra,
  };
};
const slaEvent = (kind: string, clock: string) =>
  timelineItem(kind, { clock, dueAt: '2026-11-27T01:00:00.000Z', notified: [] });

describe('recordOperationalMetrics', () => {
  it('counts tickets opened, SLA breaches and escalations by clock, one EMF line per metric and clock', async () => {
    const items = [
      timelineItem('created', { number: 'T-1' }),
      timelineItem('created', { number: 'T-2' }),
      slaEvent('sla_breached', 'first_response'),
      slaEvent('sla_breached', 'resolution'),
      slaEvent('sla_breached', 'first_response'),
      slaEvent('sla_escalated', 'resolution'),
      slaEvent('sla_warning', 'resolution'),
      timelineItem('comment', { body: 'x', visibility: 'internal', firstResponse: true }),
      { pk: 'T#chain#STORE#s1', sk: 'STORE', entity: 'store', name: 'not an event' },
    ];
    let answer: unknown;
    const lines = await emfLinesOf(async () => {
      answer = await recordOperationalMetrics(streamEvent(streamRecordsOf(items)));
    });
    expect(answer).toEqual({ batchItemFailures: [] });
    const opened = metricLines(lines, metricNames.ticketsOpened);
    expect(opened.map((line) => line[metricNames.ticketsOpened])).toEqual([2]);
    expect(opened[0]?._aws.CloudWatchMetrics[0]?.Namespace).toBe(metricsNamespace);
    expect(opened[0]?.service).toBe(serviceName);
    const breaches = metricLines(lines, metricNames.slaBreaches).map((line) => [
      line.clock,
      line[metricNames.slaBreaches],
    ]);
    expect(breaches.sort()).toEqual([
      ['first_response', 2],
      ['resolution', 1],
    ]);
    expect(
      metricLines(lines, metricNames.escalations).map((line) => [line.clock, line[metricNames.escalations]]),
    ).toEqual([['resolution', 1]]);
    // A modified event item is not a new event: nothing counted twice.
    const again = await emfLinesOf(() =>
      recordOperationalMetrics(streamEvent(streamRecordsOf(items.slice(0, 3), 'MODIFY'))),
    );
    expect(again).toEqual([]);
  });

  it('reports a stream consumer’s failed records by consumer, and nothing when none failed', async () => {
    const lines = await emfLinesOf(async () => {
      recordStreamFailures('aggregateReports', { batchItemFailures: [{ itemIdentifier: '7' }] });
      recordStreamFailures('webhookFanOut', { batchItemFailures: [] });
    });
    const failures = metricLines(lines, metricNames.streamRecordFailures);
    expect(failures.map((line) => [line.consumer, line[metricNames.streamRecordFailures]])).toEqual([
      ['aggregateReports', 1],
    ]);
  });
});
