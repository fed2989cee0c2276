import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../shared/stores/views';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { admin, badFields, freshTenant, invoke } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';

const week = (hours: { start: string; end: string }[]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
  sat: [],
  sun: [],
});

describe('tenant configuration: calendars, SLA policies, settings, stores', () => {
  let desk: DeskFixture;
  beforeAll(async () => {
    desk = await deskFixture('config');
  });

  it('getStoreCalendar, putStoreCalendar, putTenantCalendar, getSettings, putSettings, updateStore: keep each tenant’s configuration its own', async () => {
    const stranger = admin(freshTenant('config'));
    const saved = await invoke('putSlaPolicies', {
      caller: stranger,
      body: { policies: [{ name: 'Stranger', firstResponseMinutes: 5, resolutionMinutes: 10 }] },
    });
    expect(saved.status).toBe(200);
    expect(
      (await invoke<{ policies: { name: string }[] }>('getSlaPolicies', { caller: desk.admin })).body
        .policies[0]?.name,
    ).toBe('Urgent');
    await invoke('putSettings', { caller: stranger, body: { reopenWindowDays: 1 } });
    expect(
      (await invoke<{ reopenWindowDays: number }>('getSettings', { caller: desk.admin })).body
        .reopenWindowDays,
    ).toBe(7);
    await invoke('putTenantCalendar', {
      caller: stranger,
      body: { weekly: week([{ start: '08:00', end: '12:00' }]) },
    });
    const ours = await invoke<{ source: string }>('getStoreCalendar', {
      caller: desk.admin,
      params: { storeId: desk.store.id },
    });
    expect(ours.body.source).toBe('default');

    const theirs = [
      invoke('getStoreCalendar', { caller: stranger, params: { storeId: desk.store.id } }),
      invoke('putStoreCalendar', {
        caller: stranger,
        params: { storeId: desk.store.id },
        body: { weekly: week([]) },
      }),
      invoke('updateStore', {
        caller: stranger,
        params: { storeId: desk.store.id },
        body: { version: 1, name: '劫持' },
      }),
    ];
    expect((await Promise.all(theirs)).map((result) => result.status)).toEqual([404, 404, 404]);
    const outsider = { ...desk.as.elsewhere, roles: ['manager' as const] };
    const scoped = [
      invoke('getStoreCalendar', { caller: desk.as.elsewhere, params: { storeId: desk.store.id } }),
      invoke('putStoreCalendar', {
        caller: outsider,
        params: { storeId: desk.store.id },
        body: { weekly: week([]) },
      }),
      invoke('updateStore', {
        caller: outsider,
        params: { storeId: desk.store.id },
        body: { version: 1, name: 'x' },
      }),
    ];
    expect((await Promise.all(scoped)).map((result) => result.status)).toEqual([403, 403, 403]);
    const store = (
      await invoke<Store>('getStore', { caller: desk.admin, params: { storeId: desk.store.id } })
    ).body;
    expect(store.name).toBe(desk.store.name);
  });

  it('putSettings, putTenantCalendar, putStoreCalendar: let only the right roles change configuration', async () => {
    const calls = [
      invoke('putSlaPolicies', { caller: desk.as.manager, body: { policies: [] } }),
      invoke('putSettings', { caller: desk.as.supervisor, body: {} }),
      invoke('putTenantCalendar', { caller: desk.as.manager, body: { weekly: week([]) } }),
      invoke('putRevisitRules', { caller: desk.as.desk, body: {} }),
      invoke('putStoreCalendar', {
        caller: desk.as.desk,
        params: { storeId: desk.store.id },
        body: { weekly: week([]) },
      }),
    ];
    expect((await Promise.all(calls)).map((result) => result.status)).toEqual([403, 403, 403, 403, 403]);
  });

  it('putTenantCalendar, putSettings: name every bad field of a calendar and an SLA policy set, and write nothing', async () => {
    const quiet = admin(freshTenant('config'));
    const calendar = await invoke('putTenantCalendar', {
      caller: quiet,
      body: {
        weekly: { ...week([{ start: '18:00', end: '09:00' }]), sun: [{ start: '25:00', end: '26:00' }] },
        holidays: ['2026-13-01'],
        makeUpWorkingDays: ['soon'],
      },
    });
    expect(calendar.status).toBe(400);
    expect(badFields(calendar)).toEqual(
      expect.arrayContaining([
        'body.holidays.0',
        'body.makeUpWorkingDays.0',
        'body.weekly.mon.0.end',
        'body.weekly.sun.0.end',
        'body.weekly.sun.0.start',
      ]),
    );
    const overlapping = await invoke('putTenantCalendar', {
      caller: quiet,
      body: {
        weekly: week([
          { start: '09:00', end: '13:00' },
          { start: '12:00', end: '18:00' },
        ]),
      },
    });
    expect(badFields(overlapping)).toEqual(expect.arrayContaining(['body.weekly.mon', 'body.weekly.fri']));
    const policies = await invoke('putSlaPolicies', {
      caller: quiet,
      body: {
        policies: [
          {
            name: '',
            match: { types: ['praise'], priorities: [] },
            firstResponseMinutes: 0,
            resolutionMinutes: 1.5,
            warningPercent: 120,
            escalations: [{ afterBreachMinutes: -1, notifyRoles: ['boss'] }],
          },
        ],
      },
    });
    expect(policies.status).toBe(400);
    expect(badFields(policies)).toEqual([
      'body.policies.0.escalations.0.afterBreachMinutes',
      'body.policies.0.escalations.0.notifyRoles.0',
      'body.policies.0.firstResponseMinutes',
      'body.policies.0.match.priorities',
      'body.policies.0.match.types.0',
      'body.policies.0.name',
      'body.policies.0.resolutionMinutes',
      'body.policies.0.warningPercent',
    ]);
    const settings = await invoke('putSettings', {
      caller: quiet,
      body: { reopenWindowDays: 'a week', colour: 1 },
    });
    expect(badFields(settings)).toEqual(['body.colour', 'body.reopenWindowDays']);
    expect(await itemsOfTenant(quiet.tenantId)).toEqual([]);
  });

  it('putTenantCalendar: refuses a stale version of a calendar or the policies with 409', async () => {
    const fresh = admin(freshTenant('config'));
    const first = await invoke<{ version: number }>('putTenantCalendar', {
      caller: fresh,
      body: { weekly: week([]) },
    });
    expect(first.body.version).toBe(1);
    expect((await invoke('putTenantCalendar', { caller: fresh, body: { weekly: week([]) } })).status).toBe(
      409,
    );
    expect(
      (await invoke('putTenantCalendar', { caller: fresh, body: { weekly: week([]), version: 1 } })).status,
    ).toBe(200);
    const policy = { policies: [{ name: 'p', firstResponseMinutes: 5, resolutionMinutes: 10 }] };
    expect((await invoke('putSlaPolicies', { caller: fresh, body: policy })).status).toBe(200);
    expect((await invoke('putSlaPolicies', { caller: fresh, body: { ...policy, version: 5 } })).status).toBe(
      409,
    );
  });

  it('putSlaPolicies: gives a policy that leaves out escalations the standard ladder, and none for an explicit []', async () => {
    const fresh = admin(freshTenant('config'));
    const saved = await invoke<{ policies: { name: string; escalations: unknown[] }[] }>('putSlaPolicies', {
      caller: fresh,
      body: {
        policies: [
          { name: 'ladder', firstResponseMinutes: 5, resolutionMinutes: 10 },
          { name: 'quiet', firstResponseMinutes: 5, resolutionMinutes: 10, escalations: [] },
        ],
      },
    });
    expect(saved.status).toBe(200);
    const read = await invoke<{ policies: { name: string; escalations: unknown[] }[] }>('getSlaPolicies', {
      caller: fresh,
    });
    expect(read.body.policies.map((policy) => [policy.name, policy.escalations])).toEqual([
      [
        'ladder',
        [
          { afterBreachMinutes: 0, notifyRoles: ['supervisor'] },
          { afterBreachMinutes: 120, notifyRoles: ['manager'] },
        ],
      ],
      ['quiet', []],
    ]);
  });
});
