import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { changeEventsOf, newHistoryEntries } from '../../shared/stream/events';
import { checkAddress, resolveTarget } from '../../shared/webhooks/address-guard';
import { wantsStore, webhookEventsOf, webhookEventTypes } from '../../shared/webhooks/catalogue';
import {
  dingtalkSignedUrl,
  eventTitlesZh,
  robotBody,
  robotRefusal,
  robotSummary,
} from '../../shared/webhooks/formats';
import { deliveryIdOf } from '../../shared/webhooks/message-id';
import { newWebhookSecret } from '../../shared/webhooks/secret';
import {
  maxAttempts,
  retryDelaySeconds,
  signatureHeaders,
  signingSecretsOf,
} from '../../shared/webhooks/sending';

const record = (
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  next: Record<string, unknown> | undefined,
  before?: Record<string, unknown>,
): DynamoDBRecord => ({
  eventName,
  dynamodb: {
    ...(next ? { NewImage: marshall(next, { removeUndefinedValues: true }) as never } : {}),
    ...(before ? { OldImage: marshall(before, { removeUndefinedValues: true }) as never } : {}),
    SequenceNumber: '1',
  },
});

const ticketId = '01JDQ80C1B2C3D4E5F6G7H8J9K';
const timelineItem = (kind: string, extra: Record<string, unknown> = {}) => ({
  pk: `T#chain#TICKET#${ticketId}`,
  sk: 'EVENT#01JDQ90C1B2C3D4E5F6G7H8J9K',
  entity: 'ticket_event',
  id: '01JDQ90C1B2C3D4E5F6G7H8J9K',
  ticketId,
  actorId: 'boss',
  at: '2026-11-27T02:00:00.000Z',
  kind,
  ...extra,
});

describe('Standard Webhooks signature (signatureHeaders)', () => {
  it('matches the example the specification publishes', () => {
    // standardwebhooks.com spec, "Signature scheme" example.
    const headers = signatureHeaders(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      new Date(1614265330 * 1000),
      '{"test": 2432232314}',
    );
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('generates secrets in whsec_ form that a receiver verifies with', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: 'ticket.created' });
    const headers = signatureHeaders(secret, 'msg_1', new Date(), body);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ type: 'ticket.created' });
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });

  it('derives the webhook-id from the event and the subscription alone', () => {
    expect(deliveryIdOf('k1', 's1')).toBe(deliveryIdOf('k1', 's1'));
    expect(deliveryIdOf('k1', 's1')).not.toBe(deliveryIdOf('k1', 's2'));
    expect(deliveryIdOf('k1', 's1')).not.toBe(deliveryIdOf('k2', 's1'));
    expect(deliveryIdOf('k1', 's1')).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
  });
});

describe('webhook retry schedule (retryDelaySeconds)', () => {
  it('backs off exponentially-ish as the specification suggests, then gives up', () => {
    const delays = Array.from({ length: maxAttempts }, (_, index) => retryDelaySeconds(index + 1));
    expect(delays).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000, undefined]);
    expect(maxAttempts).toBe(8);
  });
});

describe('SSRF guard (checkAddress, resolveTarget)', () => {
  const aws = { allowLoopback: false };
  const local = { allowLoopback: true };
  it.each([
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['::ffff:8.8.8.8', true],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.1.1', false],
    ['127.0.0.1', false],
    ['::1', false],
    ['169.254.169.254', false],
    ['fd00:ec2::254', false],
    ['fe80::1', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['fc00::1', false],
    ['2002:7f00:1::', false],
    ['64:ff9b::a9fe:a9fe', false],
    ['2001::1', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['192.0.2.10', false],
    ['not-an-ip', false],
  ])('%s in AWS: allowed %s', (address, allowed) => {
    expect(checkAddress(address, aws).allowed).toBe(allowed);
  });

  it('lets the local runtime reach loopback only', () => {
    expect(checkAddress('127.0.0.1', local).allowed).toBe(true);
    expect(checkAddress('::1', local).allowed).toBe(true);
    expect(checkAddress('10.0.0.1', local).allowed).toBe(false);
    expect(checkAddress('169.254.169.254', local).allowed).toBe(false);
  });

  const resolver = (answers: Record<string, string[]>) => async (host: string) =>
    (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('checks every resolved address and pins the connection to the checked one', async () => {
    const resolve = resolver({
      'hooks.example.com': ['93.184.216.34'],
      'rebind.example.com': ['93.184.216.34', '169.254.169.254'],
      'internal.example.com': ['10.0.0.5'],
      localhost: ['127.0.0.1'],
    });
    const ok = await resolveTarget('https://hooks.example.com/in', aws, resolve);
    expect(ok).toMatchObject({ allowed: true, address: '93.184.216.34', family: 4 });
    expect((await resolveTarget('https://rebind.example.com/', aws, resolve)).allowed).toBe(false);
    expect((await resolveTarget('https://internal.example.com/', aws, resolve)).allowed).toBe(false);
    expect((await resolveTarget('https://nowhere.example.com/', aws, resolve)).allowed).toBe(false);
    expect((await resolveTarget('http://hooks.example.com/', aws, resolve)).allowed).toBe(false);
    expect((await resolveTarget('https://[::1]/', aws, resolve)).allowed).toBe(false);
    expect((await resolveTarget('https://169.254.169.254/latest', aws, resolve)).allowed).toBe(false);
    expect((await resolveTarget('https://user:pw@hooks.example.com/', aws, resolve)).allowed).toBe(false);
    expect((await resolveTarget('ftp://hooks.example.com/', aws, resolve)).allowed).toBe(false);
    // Local mode: plain http to loopback, never http elsewhere.
    expect(await resolveTarget('http://127.0.0.1:4000/in', local, resolve)).toMatchObject({
      allowed: true,
      address: '127.0.0.1',
    });
    expect((await resolveTarget('http://localhost:4000/in', local, resolve)).allowed).toBe(true);
    expect((await resolveTarget('http://hooks.example.com/', local, resolve)).allowed).toBe(false);
    expect((await resolveTarget('http://127.0.0.1:4000/in', aws, resolve)).allowed).toBe(false);
  });
});

describe('change events (changeEventsOf) and the webhook mapper (webhookEventOf)', () => {
  it('turns a timeline event insert into one typed event keyed by the item', () => {
    const events = changeEventsOf(
      record('INSERT', timelineItem('created', { number: 'SH01-20261127-0001' })),
    );
    expect(events).toEqual([
      {
        source: 'ticket_event',
        key: `T#chain#TICKET#${ticketId}/EVENT#01JDQ90C1B2C3D4E5F6G7H8J9K`,
        tenantId: 'chain',
        at: '2026-11-27T02:00:00.000Z',
        event: expect.objectContaining({ kind: 'created', ticketId, number: 'SH01-20261127-0001' }),
      },
    ]);
    expect(events[0] && 'event' in events[0] ? Object.keys(events[0].event) : []).not.toContain('pk');
    expect(events.flatMap(webhookEventsOf)).toEqual([
      { type: 'ticket.created', resource: { kind: 'ticket', id: ticketId } },
    ]);
  });

  it('maps every ticket kind of the catalogue and leaves comments out', () => {
    const type = (kind: string, extra: Record<string, unknown> = {}) => {
      const [event] = changeEventsOf(record('INSERT', timelineItem(kind, extra)));
      return event ? webhookEventsOf(event)[0]?.type : 'no event';
    };
    expect(type('assigned')).toBe('ticket.assigned');
    expect(type('status_changed')).toBe('ticket.status_changed');
    expect(type('sla_warning')).toBe('sla.warning');
    expect(type('sla_breached')).toBe('sla.breached');
    expect(type('comment')).toBeUndefined();
    expect(type('compensation', { step: 'approved' })).toBe('compensation.approved');
    expect(type('compensation', { step: 'reminded' })).toBeUndefined();
    expect(type('case_step', { caseKind: 'return' })).toBe('return.step_recorded');
  });

  it('finds the new history entries of an item that keeps its history', () => {
    const revisit = (history: { at: string; by: string; what: string }[]) => ({
      pk: 'T#chain#REVISIT#01JDQA0C1B2C3D4E5F6G7H8J9K',
      sk: 'REVISIT',
      entity: 'revisit',
      sspk: 'index key',
      id: '01JDQA0C1B2C3D4E5F6G7H8J9K',
      status: 'due',
      history,
    });
    const scheduled = { at: '2026-11-20T00:00:00.000Z', by: 'boss', what: 'scheduled' };
    const due = { at: '2026-11-27T00:00:00.000Z', by: 'timer', what: 'due' };
    const events = changeEventsOf(record('MODIFY', revisit([scheduled, due]), revisit([scheduled])));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ source: 'revisit', tenantId: 'chain', entry: due });
    expect(events[0] && 'subject' in events[0] ? events[0].subject : {}).not.toHaveProperty('sspk');
    expect(events.flatMap(webhookEventsOf)).toEqual([
      { type: 'revisit.due', resource: { kind: 'revisit', id: '01JDQA0C1B2C3D4E5F6G7H8J9K' } },
    ]);
    // The same change delivered again names the same event.
    expect(changeEventsOf(record('MODIFY', revisit([scheduled, due]), revisit([scheduled])))[0]?.key).toBe(
      events[0]?.key,
    );
    // An insert: every entry is new. A change that added nothing: no event.
    expect(changeEventsOf(record('INSERT', revisit([scheduled])))).toHaveLength(1);
    expect(changeEventsOf(record('MODIFY', revisit([scheduled]), revisit([scheduled])))).toEqual([]);
  });

  it('carries nothing for removals, other items and other tenants’ malformed keys', () => {
    expect(changeEventsOf(record('REMOVE', undefined, timelineItem('created')))).toEqual([]);
    expect(
      changeEventsOf(record('INSERT', { pk: 'T#chain#TICKET#x', sk: 'TICKET', entity: 'ticket' })),
    ).toEqual([]);
    expect(changeEventsOf(record('MODIFY', timelineItem('created'), timelineItem('created')))).toEqual([]);
    expect(changeEventsOf(record('INSERT', { ...timelineItem('created'), pk: 'X#1' }))).toEqual([]);
  });

  it('keys identical entries apart by their rank (newHistoryEntries)', () => {
    const a = { at: '2026-11-27T00:00:00.000Z', what: 'call_recorded' };
    expect(newHistoryEntries([a], [a, a]).map((entry) => entry.key)).toEqual([
      '2026-11-27T00:00:00.000Z#call_recorded#2',
    ]);
  });

  it('has one catalogue with unique names', () => {
    expect(new Set(webhookEventTypes).size).toBe(webhookEventTypes.length);
  });
});

describe('the catalogue of the areas that landed last (webhookEventsOf)', () => {
  const caseStep = (caseKind: string, step: string, to: string) =>
    changeEventsOf(
      record('INSERT', timelineItem('case_step', { caseKind, caseId: ticketId, step, to })),
    ).flatMap(webhookEventsOf);
  const types = (caseKind: string, step: string, to = 'x') => caseStep(caseKind, step, to).map((e) => e.type);

  it.each([
    ['registered', 'registered', ['repair.registered']],
    ['inspect', 'inspected', ['repair.step_recorded']],
    ['quote', 'quoted', ['repair.step_recorded']],
    ['deliver', 'delivered', ['repair.step_recorded']],
    ['stalled_quote', 'quoted', ['repair.stalled']],
    ['stalled_parcel', 'awaiting_parcel', ['repair.stalled']],
  ])('repair step %s → %j', (step, to, expected) => {
    expect(types('repair', step, to)).toEqual(expected);
    expect(caseStep('repair', step, to)[0]?.resource).toEqual({ kind: 'ticket', id: ticketId });
  });

  it.each([
    ['registered', 'registered', ['complaint.registered']],
    ['judge', 'investigating', ['complaint.judged']],
    ['judge', 'closed', ['complaint.judged', 'complaint.closed']],
    ['add_task', 'investigating', ['complaint.task_assigned']],
    ['record_findings', 'investigating', ['complaint.task_done']],
    ['task_overdue', 'investigating', ['complaint.task_overdue']],
    ['record_remedy', 'remedied', ['complaint.remedied']],
    ['record_feedback', 'fed_back', ['complaint.fed_back']],
    ['record_satisfaction', 'closed', ['complaint.closed']],
    ['something_else', 'investigating', []],
  ])('complaint step %s to %s → %j', (step, to, expected) => {
    expect(types('complaint', step, to)).toEqual(expected);
  });

  it('leaves case kinds it does not know out, and keeps returns as they were', () => {
    expect(types('warranty_card', 'issued')).toEqual([]);
    expect(types('return', 'decided')).toEqual(['return.step_recorded']);
  });

  const historyItem = (entity: string, what: string, storeId = '01JDQB0C1B2C3D4E5F6G7H8J9K') => ({
    pk: `T#chain#${entity.toUpperCase()}#01JDQC0C1B2C3D4E5F6G7H8J9K`,
    sk: entity.toUpperCase(),
    entity,
    id: '01JDQC0C1B2C3D4E5F6G7H8J9K',
    storeId,
    history: [{ at: '2026-11-27T03:00:00.000Z', by: 'amy', what }],
  });

  it.each([
    ['guest_message', 'taken', 'guest_message.taken'],
    ['guest_message', 'undelivered_reminded', 'guest_message.undelivered'],
    ['guest_message', 'delivered', 'guest_message.delivered'],
    ['guest_message', 'acknowledged', 'guest_message.acknowledged'],
    ['luggage', 'stored', 'luggage.stored'],
    ['luggage', 'unclaimed_reminded', 'luggage.unclaimed'],
    ['luggage', 'picked_up', 'luggage.picked_up'],
    ['safe_box', 'opened', 'safe_box.opened'],
    ['safe_box', 'accessed', 'safe_box.accessed'],
    ['safe_box', 'closed', 'safe_box.closed'],
    ['safe_box', 'key_not_returned', 'safe_box.key_not_returned'],
    ['shift_handover', 'handed_over', 'shift_handover.handed_over'],
    ['shift_handover', 'accepted', 'shift_handover.accepted'],
  ])('%s history entry %s → %s', (entity, what, type) => {
    const events = changeEventsOf(record('INSERT', historyItem(entity, what))).flatMap(webhookEventsOf);
    expect(events).toEqual([{ type, resource: { kind: entity, id: '01JDQC0C1B2C3D4E5F6G7H8J9K' } }]);
  });

  it('turns each new version of a department into created, then updated', () => {
    const department = (version: number) => ({
      pk: 'T#chain#DEPARTMENT#01JDQD0C1B2C3D4E5F6G7H8J9K',
      sk: 'DEPARTMENT',
      entity: 'department',
      stpk: 'index key',
      id: '01JDQD0C1B2C3D4E5F6G7H8J9K',
      name: '工程部',
      members: [],
      updatedAt: `2026-11-27T0${version}:00:00.000Z`,
      version,
    });
    const created = changeEventsOf(record('INSERT', department(1)));
    expect(created.flatMap(webhookEventsOf)).toEqual([
      { type: 'department.created', resource: { kind: 'department', id: '01JDQD0C1B2C3D4E5F6G7H8J9K' } },
    ]);
    expect(created[0]).toMatchObject({ at: '2026-11-27T01:00:00.000Z' });
    expect(created[0] && 'subject' in created[0] ? created[0].subject : {}).not.toHaveProperty('stpk');
    const updated = changeEventsOf(record('MODIFY', department(2), department(1)));
    expect(updated.flatMap(webhookEventsOf).map((event) => event.type)).toEqual(['department.updated']);
    expect(updated[0]?.key).not.toBe(created[0]?.key);
    // A write that left the version alone is no new event.
    expect(changeEventsOf(record('MODIFY', department(2), department(2)))).toEqual([]);
  });

  it('names every catalogued event in Chinese for the group robots', () => {
    for (const type of webhookEventTypes) expect(eventTitlesZh[type]).toMatch(/\p{Script=Han}/u);
  });
});

describe('per-store filters (wantsStore)', () => {
  it('delivers the listed stores’ events and store-less ones, nothing of other stores', () => {
    expect(wantsStore(undefined, 'S1')).toBe(true);
    expect(wantsStore(['S1', 'S2'], 'S2')).toBe(true);
    expect(wantsStore(['S1'], 'S2')).toBe(false);
    // A tenant-wide department belongs to no other store.
    expect(wantsStore(['S1'], undefined)).toBe(true);
  });
});

describe('signatures while a secret rotates (signingSecretsOf, signatureHeaders)', () => {
  const oldSecret = newWebhookSecret();
  const newSecret = newWebhookSecret();
  const rotated = {
    secret: newSecret,
    previousSecret: oldSecret,
    previousSecretUntil: '2026-11-28T08:00:00.000Z',
  };
  const body = JSON.stringify({ type: 'ticket.created' });

  it('signs with both secrets during the grace period, each verifying with the spec library', () => {
    const now = new Date('2026-11-28T07:59:59.000Z');
    const secrets = signingSecretsOf(rotated, now);
    expect(secrets).toEqual([newSecret, oldSecret]);
    const headers = signatureHeaders(secrets, 'msg_rotating', now, body);
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=* v1,[A-Za-z0-9+/]+=*$/);
    // verify() checks the timestamp against the wall clock: sign for "now" to verify.
    const fresh = signatureHeaders(secrets, 'msg_rotating', new Date(), body);
    expect(new Webhook(oldSecret).verify(body, fresh)).toEqual({ type: 'ticket.created' });
    expect(new Webhook(newSecret).verify(body, fresh)).toEqual({ type: 'ticket.created' });
    expect(() => new Webhook(newWebhookSecret()).verify(body, fresh)).toThrow();
  });

  it('signs with the new secret alone once the grace period is over, or with no rotation', () => {
    const after = signingSecretsOf(rotated, new Date('2026-11-28T08:00:00.000Z'));
    expect(after).toEqual([newSecret]);
    const headers = signatureHeaders(after, 'msg_after', new Date(), body);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(1);
    expect(new Webhook(newSecret).verify(body, headers)).toEqual({ type: 'ticket.created' });
    expect(() => new Webhook(oldSecret).verify(body, headers)).toThrow();
    expect(signingSecretsOf({ secret: newSecret }, new Date())).toEqual([newSecret]);
  });
});

describe('group robot formats (robotSummary, robotBody, dingtalkSignedUrl, robotRefusal)', () => {
  const ticket = {
    id: ticketId,
    number: 'SH01-20261127-0001',
    storeId: '01JDQB0C1B2C3D4E5F6G7H8J9K',
    subject: '空调不制冷\n# 不是标题',
    status: 'new',
    contact: { name: '张三', phone: '13800001111' },
  };
  const summary = robotSummary(
    'ticket.created',
    '2026-11-27T02:00:00.000Z',
    { kind: 'created', note: '客户张三来电' },
    ticket,
  );

  it('summarises the event in Chinese, in China time, without personal data or markdown injection', () => {
    expect(summary.title).toBe('服务台：新工单');
    expect(summary.text.split('\n')).toEqual([
      '### 服务台：新工单',
      '> 时间：2026/11/27 10:00（北京时间）',
      '> 工单号：SH01-20261127-0001',
      '> 主题：空调不制冷 # 不是标题',
      '> 状态：new',
      '> 事件：ticket.created',
    ]);
    expect(summary.text).not.toContain('张三');
    expect(summary.text).not.toContain('13800001111');
  });

  it('writes 企业微信 and 钉钉 markdown messages as their robots document them', () => {
    expect(JSON.parse(robotBody('wecom', summary))).toEqual({
      msgtype: 'markdown',
      markdown: { content: summary.text },
    });
    expect(JSON.parse(robotBody('dingtalk', summary))).toEqual({
      msgtype: 'markdown',
      markdown: { title: '服务台：新工单', text: summary.text },
    });
    // WeCom takes at most 4096 bytes of content: whole lines go from the end.
    const long = {
      title: 't',
      text: Array.from({ length: 400 }, (_, i) => `> 第${i}行：说明文字`).join('\n'),
    };
    const content = (JSON.parse(robotBody('wecom', long)) as { markdown: { content: string } }).markdown
      .content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(4096);
    expect(content.startsWith('> 第0行')).toBe(true);
  });

  it('signs a 钉钉 URL as the documentation’s Python example does', () => {
    // Expected value computed with DingTalk's documented Python snippet (hmac sha256, base64, quote_plus).
    const url = dingtalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123',
      'SECthis-is-a-test-secret',
      new Date(1764201600000),
    );
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1764201600000&sign=r21NqwgmV36xmhx9UcWL8V%2BnUXEIY5wY8GiBkag9T8k%3D',
    );
  });

  it('reads a robot’s refusal from its 200 answer, never a standard receiver’s', () => {
    expect(robotRefusal('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}')).toBe(
      'errcode 310000: sign not match',
    );
    expect(robotRefusal('wecom', '{"errcode":0,"errmsg":"ok"}')).toBeUndefined();
    expect(robotRefusal('wecom', 'not json')).toBeUndefined();
    expect(robotRefusal('standard', '{"errcode":1}')).toBeUndefined();
  });
});
