import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { changeEventsOf, newHistoryEntries } from '../../shared/stream/events';
import { checkAddress, resolveTarget } from '../../shared/webhooks/address-guard';
import { webhookEventOf, webhookEventTypes } from '../../shared/webhooks/catalogue';
import { newWebhookSecret } from '../../shared/webhooks/secret';
import {
  deliveryIdOf,
  maxAttempts,
  retryDelaySeconds,
  signatureHeaders,
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
    expect(events.map(webhookEventOf)).toEqual([
      { type: 'ticket.created', resource: { kind: 'ticket', id: ticketId } },
    ]);
  });

  it('maps every ticket kind of the catalogue and leaves comments out', () => {
    const type = (kind: string, extra: Record<string, unknown> = {}) => {
      const [event] = changeEventsOf(record('INSERT', timelineItem(kind, extra)));
      return event ? webhookEventOf(event)?.type : 'no event';
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
    expect(events.map(webhookEventOf)).toEqual([
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
