import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { weekdaysNineToSix } from '../kit/bodies';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
const team = { desk: ['front_desk'], lead: ['supervisor'], head: ['manager'] } as const;

describe('SLA escalation driven by the local clock', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-desk-sla-'));
  let service: LocalService | undefined;
  let api: ApiClient;
  let storeId = '';
  afterAll(async () => {
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, e2eTimeout());

  // Tokens expire by the controllable clock as well, so each call gets one minted "now".
  const asAdmin = () => api.token({ tenantId: 'itdesk', userId: 'boss', roles: ['admin'] });
  const as = (name: keyof typeof team) =>
    api.token({ tenantId: 'itdesk', userId: name, roles: [...team[name]], storeIds: [storeId] });
  const setClock = async (iso: string) => {
    expect((await api.call('POST', '/local/clock', { body: { set: iso } })).status).toBe(200);
  };
  const slaKinds = async (ticketId: string) =>
    (
      await api.call<{ items: Json[] }>('GET', `/v1/tickets/${ticketId}/timeline?limit=100`, {
        token: await asAdmin(),
      })
    ).body.items
      .filter((event) => String(event.kind).startsWith('sla_'))
      .map((event) => `${event.kind}${event.level ? `:${event.level}` : ''}`);
  const inboxKinds = async (name: keyof typeof team) =>
    (
      await api.call<{ items: Json[] }>('GET', '/v1/me/notifications', { token: await as(name) })
    ).body.items.map((entry) => `${entry.kind}${entry.level ? `:${entry.level}` : ''}`);

  it('breaches Monday 09:50 for a Friday 17:50 ticket, escalates, and survives a restart exactly once', {
    timeout: e2eTimeout(2), // it starts the service twice, each start with its JVM
  }, async () => {
    service = await startLocalService({ DATA_DIR: dataDir });
    api = apiClient(service.url);
    const store = await api.call<Json>('POST', '/v1/stores', {
      token: await asAdmin(),
      body: { code: 'IT01', name: 'IT 服务台', kind: 'it_site' },
    });
    storeId = store.body.id as string;
    for (const [name, roles] of Object.entries(team)) {
      const created = await api.call('POST', '/v1/staff', {
        token: await asAdmin(),
        body: { name, roles, storeIds: [storeId], userId: name },
      });
      expect(created.status).toBe(201);
    }
    const week = weekdaysNineToSix();
    const calendar = await api.call('PUT', `/v1/stores/${storeId}/calendar`, {
      token: await asAdmin(),
      body: { weekly: week },
    });
    expect(calendar.status).toBe(200);
    const ladder = [
      { afterBreachMinutes: 0, notifyRoles: ['supervisor'] },
      { afterBreachMinutes: 120, notifyRoles: ['manager'] },
    ];
    const policies = await api.call('PUT', '/v1/sla-policies', {
      token: await asAdmin(),
      body: {
        policies: [
          { name: 'IT desk', firstResponseMinutes: 60, resolutionMinutes: 480, escalations: ladder },
        ],
      },
    });
    expect(policies.status).toBe(200);

    await setClock('2026-11-27T17:50:00+08:00');
    const created = await api.call<Json & { id: string; sla?: { firstResponse: { dueAt: string } } }>(
      'POST',
      '/v1/tickets',
      {
        token: await as('desk'),
        body: { storeId, type: 'it_request', channel: 'phone', subject: 'VPN 无法登录' },
      },
    );
    expect(created.status).toBe(201);
    const ticket = created.body;
    const due = Date.parse(ticket.sla?.firstResponse.dueAt ?? '');
    expect(Math.abs(due - Date.parse('2026-11-30T09:50:00+08:00'))).toBeLessThan(5_000);

    await setClock('2026-11-30T09:49:00+08:00'); // across the weekend, one business minute short
    expect(await slaKinds(ticket.id)).toEqual(['sla_warning']);
    await setClock('2026-11-30T09:50:30+08:00');
    expect(await slaKinds(ticket.id)).toEqual(['sla_warning', 'sla_breached', 'sla_escalated:1']);
    expect(await inboxKinds('lead')).toContain('sla_escalated:1');

    // 11:40: the 11:50 escalation is inside the sweeper's look-ahead and is claimed with a delay…
    await setClock('2026-11-30T11:40:00+08:00');
    expect(await service.stop()).toBe(0); // …and the service stops before delivering it.
    service = await startLocalService({ DATA_DIR: dataDir });
    api = apiClient(service.url);
    const clock = await api.call<{ now: string }>('GET', '/local/clock');
    expect(Date.parse(clock.body.now)).toBeGreaterThanOrEqual(Date.parse('2026-11-30T11:40:00+08:00'));

    await setClock('2026-11-30T11:51:00+08:00'); // the claim's lease still runs: nothing yet
    expect(await slaKinds(ticket.id)).toEqual(['sla_warning', 'sla_breached', 'sla_escalated:1']);
    await setClock('2026-11-30T11:57:00+08:00'); // lease over: re-dispatched and applied, once
    const escalated = ['sla_warning', 'sla_breached', 'sla_escalated:1', 'sla_escalated:2'];
    expect(await slaKinds(ticket.id)).toEqual(escalated);
    await setClock('2026-11-30T12:30:00+08:00');
    expect(await slaKinds(ticket.id)).toEqual(escalated);
    expect((await inboxKinds('head')).filter((kind) => kind === 'sla_escalated:2')).toHaveLength(1);

    // Cancelled: no escalation ever after, whatever the clock says.
    const cancelled = await api.call('POST', `/v1/tickets/${ticket.id}/transitions`, {
      token: await as('lead'),
      body: { to: 'cancelled', reason: '用户自行解决' },
    });
    expect(cancelled.status).toBe(200);
    await setClock('2026-12-04T17:00:00+08:00');
    expect(await slaKinds(ticket.id)).toEqual(escalated);
  });
});
