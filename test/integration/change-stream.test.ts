import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';

// Reads the whole change stream: a table of its own, so only this file's records are on it.
vi.hoisted(() => {
  process.env.TABLE_NAME = 'service-desk-stream-test';
  process.env.LOG_LEVEL = 'SILENT';
});

import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { ensureTable } from '../../infra/local/dynamodb';
import { lambdaRecordOf, startStreamRuntime } from '../../infra/local/stream-runtime';
import { getEntity } from '../../shared/db/items';
import { changeEventsOf } from '../../shared/stream/events';
import type { Ticket } from '../../shared/tickets/views';
import { timerKey } from '../../shared/timers/keys';
import { findTimer } from '../../shared/timers/repository';
import { type WebhookDelivery, webhookDeliveryEntity } from '../../shared/webhooks/entities';
import { deliveryIdOf } from '../../shared/webhooks/message-id';
import { type DeskFixture, deskFixture, succeeded } from '../kit/fixtures';
import { badFields, invoke, loadHandler } from '../kit/invoke';

const tableName = 'service-desk-stream-test';
const repoRoot = new URL('../..', import.meta.url).pathname;
let desk: DeskFixture;
let endpoint: string;

/** Every record DynamoDB Local's stream of the table holds, as the Lambda event carries them. */
async function streamRecords(): Promise<DynamoDBRecord[]> {
  const tables = new DynamoDBClient({ endpoint });
  const { Table } = await tables.send(new DescribeTableCommand({ TableName: tableName }));
  tables.destroy();
  const streamArn = Table?.LatestStreamArn as string;
  const streams = new DynamoDBStreamsClient({ endpoint });
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const records: DynamoDBRecord[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let { ShardIterator: iterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shard.ShardId,
        ShardIteratorType: 'TRIM_HORIZON',
      }),
    );
    for (let page = 0; iterator && page < 100; page++) {
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator }),
      );
      records.push(...Records.map((record) => lambdaRecordOf(record, streamArn)));
      if (Records.length === 0) break;
      iterator = NextShardIterator;
    }
  }
  streams.destroy();
  return records;
}

const subscribe = (events: string[]) =>
  succeeded<{ id: string }>('createWebhookSubscription', {
    caller: desk.admin,
    body: { url: 'https://crm.example.com/hooks', events },
  });

const newTicket = (subject: string) =>
  succeeded<Ticket>('createTicket', {
    caller: desk.admin,
    body: { storeId: desk.store.id, type: 'inquiry', channel: 'phone', subject },
  });

beforeAll(async () => {
  endpoint = inject('dynamoEndpoint');
  await ensureTable(endpoint, tableName);
  desk = await deskFixture('stream');
}, 120_000);

describe('the change stream of DynamoDB Local (changeEventsOf, webhookFanOut)', () => {
  it('carries a created ticket’s timeline event, and the fan-out writes its delivery once however often it is delivered', async () => {
    const subscription = await subscribe(['ticket.created']);
    const ticket = await newTicket('停车场道闸故障');
    const records = await streamRecords();
    const events = records.flatMap(changeEventsOf);
    const created = events.find(
      (event) =>
        event.source === 'ticket_event' &&
        event.event.ticketId === ticket.id &&
        event.event.kind === 'created',
    );
    expect(created).toMatchObject({ tenantId: desk.tenant, source: 'ticket_event' });
    // The ticket item itself is not an event source: only its timeline is.
    expect(events.some((event) => event.key.endsWith('/TICKET'))).toBe(false);

    const mine = records.filter((record) =>
      changeEventsOf(record).some((event) => event.key === created?.key),
    );
    expect(mine).toHaveLength(1);
    const fanOut = await loadHandler('functions/stream/webhook-fan-out.ts');
    const id = deliveryIdOf(created?.key as string, subscription.id);
    expect(await fanOut({ Records: mine }, {})).toEqual({ batchItemFailures: [] });
    const first = await getEntity<WebhookDelivery>(webhookDeliveryEntity, { tenantId: desk.tenant, id });
    expect(first).toMatchObject({ status: 'pending', attempts: 0, type: 'ticket.created' });
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({
      type: 'ticket.created',
      data: { event: { kind: 'created', ticketId: ticket.id }, resource: { id: ticket.id } },
    });
    const timer = await findTimer(timerKey(desk.tenant, id, 'webhook'));
    expect(timer).toMatchObject({ kind: 'webhook', queue: 'webhook', state: 'scheduled', generation: 0 });

    // Redelivered (a retried batch, a restarted poller): nothing new is written.
    expect(await fanOut({ Records: mine }, {})).toEqual({ batchItemFailures: [] });
    expect(await getEntity<WebhookDelivery>(webhookDeliveryEntity, { tenantId: desk.tenant, id })).toEqual(
      first,
    );
  }, 120_000);

  it('a store filter (storeIds) and a robot format shape the fan-out; an unknown store is refused by name (createWebhookSubscription)', async () => {
    const unknownStore = await invoke('createWebhookSubscription', {
      caller: desk.admin,
      body: {
        url: 'https://crm.example.com/hooks',
        events: ['ticket.created'],
        storeIds: [desk.store.id, '01JDQZZZZZZZZZZZZZZZZZZZZZ'],
      },
    });
    expect(unknownStore.status).toBe(422);
    expect(badFields(unknownStore)).toEqual(['body.storeIds.1']);

    const elsewhere = await succeeded<{ id: string; storeIds: string[] }>('createWebhookSubscription', {
      caller: desk.admin,
      body: {
        url: 'https://crm.example.com/hooks',
        events: ['ticket.created'],
        storeIds: [desk.otherStore.id],
      },
    });
    expect(elsewhere.storeIds).toEqual([desk.otherStore.id]);
    const here = await succeeded<{ id: string; format: string }>('createWebhookSubscription', {
      caller: desk.admin,
      body: {
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test',
        events: ['ticket.created'],
        storeIds: [desk.store.id],
        format: 'wecom',
      },
    });
    expect(here.format).toBe('wecom');

    const ticket = await newTicket('前台电脑无法开机');
    const mine = (await streamRecords()).filter((record) =>
      changeEventsOf(record).some(
        (event) =>
          event.source === 'ticket_event' &&
          event.event.ticketId === ticket.id &&
          event.event.kind === 'created',
      ),
    );
    expect(mine).toHaveLength(1);
    const key = changeEventsOf(mine[0] as DynamoDBRecord)[0]?.key as string;
    const fanOut = await loadHandler('functions/stream/webhook-fan-out.ts');
    expect(await fanOut({ Records: mine }, {})).toEqual({ batchItemFailures: [] });
    const delivery = (subscriptionId: string) =>
      getEntity<WebhookDelivery>(webhookDeliveryEntity, {
        tenantId: desk.tenant,
        id: deliveryIdOf(key, subscriptionId),
      });
    expect(await delivery(elsewhere.id)).toBeUndefined();
    const robot = await delivery(here.id);
    expect(JSON.parse(robot?.body ?? '{}')).toEqual({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining(`> 工单号：${ticket.number}`) },
    });

    // Rotation: the answer says until when the replaced secret still signs (a day).
    const rotated = await succeeded<{ previousSecretUntil: string; updatedAt: string }>(
      'rotateWebhookSecret',
      {
        caller: desk.admin,
        params: { subscriptionId: here.id },
        body: { version: 1 },
      },
    );
    expect(Date.parse(rotated.previousSecretUntil) - Date.parse(rotated.updatedAt)).toBe(24 * 3600 * 1000);
  }, 120_000);

  it('updateWebhookSubscription: a robot secret only for 钉钉, dropped when the format changes; storeIds null means every store again', async () => {
    interface Shown {
      id: string;
      version: number;
      format: string;
      storeIds?: string[];
      robotSigned?: boolean;
    }
    const robot = await succeeded<Shown>('createWebhookSubscription', {
      caller: desk.admin,
      body: {
        url: 'https://oapi.dingtalk.com/robot/send?access_token=test',
        events: ['ticket.created'],
        storeIds: [desk.store.id],
        format: 'dingtalk',
        robotSecret: 'SECtest',
      },
    });
    expect([robot.format, robot.storeIds, robot.robotSigned]).toEqual(['dingtalk', [desk.store.id], true]);
    const update = (body: Record<string, unknown>) =>
      invoke<Shown>('updateWebhookSubscription', {
        caller: desk.admin,
        params: { subscriptionId: robot.id },
        body,
      });

    // Every store again; the robot still signs.
    const everywhere = await update({ version: robot.version, storeIds: null });
    expect(everywhere.status).toBe(200);
    expect([everywhere.body.storeIds, everywhere.body.robotSigned]).toEqual([undefined, true]);

    // A secret for a robot that is not 钉钉's: refused by name, nothing changed.
    const refused = await update({
      version: everywhere.body.version,
      format: 'wecom',
      robotSecret: 'SECother',
    });
    expect(refused.status).toBe(400);
    expect(badFields(refused)).toEqual(['body.robotSecret']);

    // Another format: the 钉钉 secret goes with it.
    const wecom = await update({ version: everywhere.body.version, format: 'wecom' });
    expect(wecom.status).toBe(200);
    expect([wecom.body.format, wecom.body.robotSigned, wecom.body.version]).toEqual([
      'wecom',
      undefined,
      everywhere.body.version + 1,
    ]);
  }, 120_000);

  it('the local stream runtime delivers to the consumer, resumes after its checkpoint, and replays idempotently from TRIM_HORIZON', async () => {
    const subscription = await subscribe(['ticket.created']);
    const dir = mkdtempSync(join(tmpdir(), 'stream-'));
    const checkpointFile = join(dir, 'checkpoints.json');
    const options = { repoRoot, endpoint, tableName, pollMs: false as const };
    const runtime = await startStreamRuntime({ ...options, checkpointFile });
    const ticket = await newTicket('电梯异响');
    await runtime.drain();
    runtime.stop();
    const [event] = (await streamRecords())
      .flatMap(changeEventsOf)
      .filter((change) => change.source === 'ticket_event' && change.event.ticketId === ticket.id);
    const id = deliveryIdOf(event?.key as string, subscription.id);
    const delivered = await getEntity<WebhookDelivery>(webhookDeliveryEntity, { tenantId: desk.tenant, id });
    expect(delivered).toMatchObject({ status: 'pending', subscriptionId: subscription.id });

    // The position survives the runtime: per consumer, per shard, the last record accepted.
    const saved = JSON.parse(readFileSync(checkpointFile, 'utf8')) as Record<
      string,
      Record<string, { after?: string }>
    >;
    const positions = Object.values(saved.webhookFanOut ?? {});
    expect(positions.length).toBeGreaterThan(0);
    expect(positions.every((position) => typeof position.after === 'string')).toBe(true);
    // A restart with the checkpoint starts after it; one without reads everything again.
    const resumed = await startStreamRuntime({ ...options, checkpointFile });
    await resumed.drain();
    resumed.stop();
    const replayed = await startStreamRuntime(options);
    await replayed.drain();
    replayed.stop();
    expect(replayed.parked.size).toBe(0);
    expect(await getEntity<WebhookDelivery>(webhookDeliveryEntity, { tenantId: desk.tenant, id })).toEqual(
      delivered,
    );
  }, 120_000);
});
