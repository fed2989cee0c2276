import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  freePort,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answered: number;
}
interface Subscription extends Json {
  id: string;
  version: number;
  secret: string;
  enabled: boolean;
  failingSince?: string;
}
interface Attempt extends Json {
  deliveryId: string;
  outcome: string;
  responseStatus?: number;
  attempt: number;
}

/** The specification's check, with the timestamp the message carries (the local clock moves). */
const signedBy = (secret: string, message: Received) => {
  const id = String(message.headers['webhook-id']);
  const timestamp = Number(message.headers['webhook-timestamp']);
  const expected = new Webhook(secret).sign(id, new Date(timestamp * 1000), message.body);
  return String(message.headers['webhook-signature']).split(' ').includes(expected);
};

describe('outbound webhooks from the change stream, on the local clock', () => {
  let service: LocalService;
  let api: ApiClient;
  let receiver: Server;
  let receiverUrl = '';
  const received: Received[] = [];
  let answer = 204;
  let storeId = '';

  const admin = () => api.token({ tenantId: 'hooks', userId: 'boss', roles: ['admin'] });
  const advance = async (minutes: number) =>
    expect((await api.call('POST', '/local/clock', { body: { advanceMinutes: minutes } })).status).toBe(200);
  const newTicket = async (subject: string) => {
    const created = await api.call<Json>('POST', '/v1/tickets', {
      token: await admin(),
      body: { storeId, type: 'inquiry', channel: 'phone', subject },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const subscribe = async (events: string[]) => {
    const created = await api.call<Subscription>('POST', '/v1/webhook-subscriptions', {
      token: await admin(),
      body: { url: receiverUrl, events, description: 'e2e receiver' },
    });
    expect(created.status).toBe(201);
    return created.body;
  };
  const deliveries = async (subscriptionId: string) =>
    (
      await api.call<{ items: Attempt[] }>('GET', `/v1/webhook-subscriptions/${subscriptionId}/deliveries`, {
        token: await admin(),
      })
    ).body.items;
  const messagesAbout = (ticketId: string) =>
    received.filter(
      (message) => (JSON.parse(message.body) as { data: { resource: Json } }).data.resource.id === ticketId,
    );

  beforeAll(async () => {
    const port = await freePort();
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          answered: answer,
        });
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((ready) => receiver.listen(port, '127.0.0.1', ready));
    receiverUrl = `http://127.0.0.1:${port}/hooks`;
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    const store = await api.call<Json>('POST', '/v1/stores', {
      token: await admin(),
      body: { code: 'HK01', name: 'Hook Mall' },
    });
    storeId = store.body.id as string;
    // The tenant's admin in the directory: who is told when a subscription is disabled.
    const staff = await api.call<Json>('POST', '/v1/staff', {
      token: await admin(),
      body: { name: 'Boss', roles: ['admin'], storeIds: [], userId: 'boss' },
    });
    expect(staff.status).toBe(201);
  }, e2eTimeout());

  afterAll(async () => {
    await service?.stop();
    await new Promise((closed) => receiver?.close(closed));
  });

  it(
    'a created ticket arrives signed per Standard Webhooks and is logged',
    async () => {
      const subscription = await subscribe(['ticket.created']);
      expect(subscription.secret).toMatch(/^whsec_/);
      const shown = await api.call<Json>('GET', `/v1/webhook-subscriptions/${subscription.id}`, {
        token: await admin(),
      });
      expect(shown.body).not.toHaveProperty('secret');

      const ticketId = await newTicket('空调不制冷');
      await advance(0);
      const [message] = messagesAbout(ticketId);
      expect(message).toBeDefined();
      if (!message) return;
      // The clock has not moved: the specification's own verify (timestamp tolerance included).
      const payload = new Webhook(subscription.secret).verify(
        message.body,
        message.headers as Record<string, string>,
      ) as {
        type: string;
        timestamp: string;
        data: { event: Json; resource: Json };
      };
      expect(payload.type).toBe('ticket.created');
      expect(payload.data.event).toMatchObject({ kind: 'created', ticketId });
      expect(payload.data.resource).toMatchObject({ id: ticketId, subject: '空调不制冷', storeId });
      expect(() =>
        new Webhook(`whsec_${Buffer.from('another key entirely').toString('base64')}`).verify(
          message.body,
          message.headers as Record<string, string>,
        ),
      ).toThrow();

      const log = await deliveries(subscription.id);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        deliveryId: message.headers['webhook-id'],
        outcome: 'delivered',
        responseStatus: 204,
        attempt: 1,
      });
      // Nothing more comes for it: the clock moving on sends nothing twice.
      await advance(60);
      expect(messagesAbout(ticketId)).toHaveLength(1);
      await api.call('DELETE', `/v1/webhook-subscriptions/${subscription.id}`, { token: await admin() });
    },
    e2eTimeout(),
  );

  it(
    'a receiver answering 500 gets retries with the same webhook-id, with backoff, until it answers',
    async () => {
      const subscription = await subscribe(['ticket.created']);
      answer = 500;
      const ticketId = await newTicket('退货咨询');
      await advance(0);
      await advance(1); // the first retry waits 5 s
      expect(messagesAbout(ticketId).map((message) => message.answered)).toEqual([500, 500]);
      const failing = await api.call<Subscription>('GET', `/v1/webhook-subscriptions/${subscription.id}`, {
        token: await admin(),
      });
      expect(failing.body.failingSince).toBeDefined();
      // The next waits 5 minutes: 4 minutes on, nothing yet.
      await advance(4);
      expect(messagesAbout(ticketId)).toHaveLength(2);
      answer = 200;
      await advance(2);
      const messages = messagesAbout(ticketId);
      expect(messages.map((message) => message.answered)).toEqual([500, 500, 200]);
      expect(new Set(messages.map((message) => message.headers['webhook-id'])).size).toBe(1);
      for (const message of messages) expect(signedBy(subscription.secret, message)).toBe(true);
      expect(new Set(messages.map((message) => message.body)).size).toBe(1);

      const log = await deliveries(subscription.id);
      expect(log.map((attempt) => [attempt.attempt, attempt.outcome, attempt.responseStatus])).toEqual([
        [3, 'delivered', 200],
        [2, 'failed', 500],
        [1, 'failed', 500],
      ]);
      const recovered = await api.call<Subscription>('GET', `/v1/webhook-subscriptions/${subscription.id}`, {
        token: await admin(),
      });
      expect(recovered.body.failingSince).toBeUndefined();
      await api.call('DELETE', `/v1/webhook-subscriptions/${subscription.id}`, { token: await admin() });
    },
    e2eTimeout(),
  );

  it(
    'a disabled subscription gets nothing, and one failing for 3 days is disabled and the admins told',
    async () => {
      const subscription = await subscribe(['ticket.created']);
      const disabled = await api.call<Subscription>('PATCH', `/v1/webhook-subscriptions/${subscription.id}`, {
        token: await admin(),
        body: { version: subscription.version, enabled: false },
      });
      expect(disabled.body.enabled).toBe(false);
      const quiet = await newTicket('打印机卡纸');
      await advance(0);
      expect(messagesAbout(quiet)).toHaveLength(0);
      expect(await deliveries(subscription.id)).toHaveLength(0);

      const enabled = await api.call<Subscription>('PATCH', `/v1/webhook-subscriptions/${subscription.id}`, {
        token: await admin(),
        body: { version: disabled.body.version, enabled: true },
      });
      expect(enabled.body.enabled).toBe(true);
      answer = 503;
      const first = await newTicket('门锁故障');
      await advance(0);
      // Three days on, its retry fails again: failing since the first attempt, so it is disabled.
      // (The 5 s retry may also have run on its own while real time passed: 2 or 3 attempts.)
      await advance(3 * 24 * 60 + 1);
      const attempts = messagesAbout(first);
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      expect(attempts.every((message) => message.answered === 503)).toBe(true);
      expect(new Set(attempts.map((message) => message.headers['webhook-id'])).size).toBe(1);
      const after = await api.call<Subscription>('GET', `/v1/webhook-subscriptions/${subscription.id}`, {
        token: await admin(),
      });
      expect(after.body).toMatchObject({ enabled: false, disabledReason: expect.any(String) });
      const inbox = await api.call<{ items: Json[] }>('GET', '/v1/me/notifications', {
        token: await admin(),
      });
      expect(inbox.body.items).toContainEqual(
        expect.objectContaining({ kind: 'webhook_disabled', subscriptionId: subscription.id }),
      );
      // Disabled: the next event sends nothing.
      const none = await newTicket('电视无信号');
      await advance(0);
      expect(messagesAbout(none)).toHaveLength(0);
    },
    e2eTimeout(),
  );
});
