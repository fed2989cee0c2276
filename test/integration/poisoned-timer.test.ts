import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { documentClient, tableName } from '../../shared/db/client';
import { PutCommand } from '../../shared/db/document';
import type { TimerQueueName } from '../../shared/timers/functions';
import { duePartition, dueSortKey, shardOf, timerKey } from '../../shared/timers/keys';
import type { TimerQueuePort } from '../../shared/timers/queue';
import { findTimer, scheduleTimerWrite } from '../../shared/timers/repository';
import type { TimerMessage } from '../../shared/timers/schema';
import { sweepDueTimers } from '../../shared/timers/sweeper';
import { logsOf } from '../kit/logs';

beforeAll(async () => {});
afterEach(() => vi.restoreAllMocks());

const now = new Date('2026-11-30T02:00:00.000Z');

/** The in-process stand-in for SQS the local runtime also uses: it records what was sent. */
function recordingQueue(): TimerQueuePort & { sent: TimerMessage[] } {
  const sent: TimerMessage[] = [];
  return {
    sent,
    async send(_queue: TimerQueueName, message: TimerMessage) {
      sent.push(message);
    },
  };
}

/** A timer as the service writes it: due a minute ago. */
async function goodTimer(tenantId: string, subjectId: string) {
  const key = timerKey(tenantId, subjectId, 'due');
  const write = scheduleTimerWrite({
    ...key,
    tenantId,
    kind: 'revisit',
    queue: 'revisit',
    subjectId,
    stage: 'due@2026-11-30T01:59:00.000Z',
    dueAt: '2026-11-30T01:59:00.000Z',
    generation: 1,
  });
  if (!('Put' in write) || !write.Put) throw new Error('a timer write is a Put');
  await documentClient.send(new PutCommand({ TableName: tableName, Item: write.Put.Item }));
  return key;
}

/** A timer as old data (accepted by `Date.parse` alone) or a hand edit left it in the table. */
async function poisonedTimer(tenantId: string, subjectId: string, fields: Record<string, unknown>) {
  const key = timerKey(tenantId, subjectId, 'due');
  const dueAt = String(fields.dueAt ?? '2026-11-30T01:58:00.000Z');
  await documentClient.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...key,
        entity: 'timer',
        tenantId,
        kind: 'revisit',
        queue: 'revisit',
        subjectId,
        stage: `due@${dueAt}`,
        generation: 1,
        state: 'scheduled',
        dispatches: 0,
        duePk: duePartition(shardOf(key.pk, key.sk)),
        dueSk: dueSortKey(dueAt, key.pk, key.sk),
        ...fields,
      },
    }),
  );
  return key;
}

const sameShardAs = (tenantId: string, subjects: readonly string[], shard: number) =>
  subjects.filter((subject) => {
    const key = timerKey(tenantId, subject, 'due');
    return shardOf(key.pk, key.sk) === shard;
  }).length;

describe('a poisoned timer', () => {
  it('is parked as failed with its reason and alarmed, while every other timer of its shard and the others goes out', async () => {
    const tenantId = `poison-${Date.now()}`;
    const poisoned = {
      // Date's last instant: `+275760…` sorts before every year, and a lease after it overflows.
      farFuture: await poisonedTimer(tenantId, 'FAR', { dueAt: '+275760-09-13T00:00:00.000Z' }),
      // Due by its index entry, but its dueAt is no time at all.
      noTime: await poisonedTimer(tenantId, 'NOTIME', {
        dueAt: 'soon',
        dueSk: dueSortKey('2026-11-30T01:58:00.000Z', `T#${tenantId}#TIMER#NOTIME`, 'due'),
      }),
      // A queue that does not exist.
      noQueue: await poisonedTimer(tenantId, 'NOQUEUE', { queue: 'nowhere' }),
    };
    // Good timers on many shards, three of them on the far-future one's: its shard must go on.
    const poisonedShard = shardOf(poisoned.farFuture.pk, poisoned.farFuture.sk);
    const subjects: string[] = [];
    for (let i = 0; subjects.length < 20 || sameShardAs(tenantId, subjects, poisonedShard) < 3; i++) {
      subjects.push(`REVISIT${String(i).padStart(3, '0')}`);
    }
    const good = await Promise.all(subjects.map((subject) => goodTimer(tenantId, subject)));
    expect(new Set(good.map((key) => shardOf(key.pk, key.sk))).size).toBeGreaterThan(4);

    const queue = recordingQueue();
    const logs = await logsOf(async () => {
      const result = await sweepDueTimers(now, queue);
      expect(result).toEqual({ dispatched: good.length, parked: 3 });
    }, 'ERROR');

    expect(queue.sent.map((message) => message.pk).sort()).toEqual(good.map((key) => key.pk).sort());
    for (const [name, key] of Object.entries(poisoned)) {
      const parked = await findTimer(key);
      expect(parked?.state, name).toBe('failed');
      expect(parked && 'duePk' in parked, name).toBe(false);
    }
    expect((await findTimer(poisoned.farFuture))?.failureReason).toMatch(/^unsweepable: dueAt: /);
    expect((await findTimer(poisoned.noTime))?.failureReason).toMatch(/dueAt/);
    expect((await findTimer(poisoned.noQueue))?.failureReason).toMatch(/queue/);
    // The line the stack's metric filter counts, one per parked timer, with the reason.
    const parkedLines = logs.filter((entry) => entry.message === 'timer parked');
    expect(parkedLines.map((entry) => entry.pk).sort()).toEqual(
      Object.values(poisoned)
        .map((key) => key.pk)
        .sort(),
    );
    expect(parkedLines.every((entry) => entry.level === 'ERROR' && typeof entry.reason === 'string')).toBe(
      true,
    );

    // Sweeping again neither throws nor sends anything twice: the good ones are leased, the bad parked.
    const again = recordingQueue();
    await expect(sweepDueTimers(new Date(now.getTime() + 60_000), again)).resolves.toEqual({
      dispatched: 0,
      parked: 0,
    });
    expect(again.sent).toEqual([]);
  }, 60_000);
});
