import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;
type LostItem = Json & { id: string; category: string; status: string; retainUntil: string; version: number };

describe('lost and found (宾客遗留物品) on the local clock', () => {
  let service: LocalService;
  let api: ApiClient;
  let storeId = '';

  // Tokens expire by the controllable clock too: one minted per call.
  const asAdmin = () => api.token({ tenantId: 'vienna', userId: 'boss', roles: ['admin'] });
  const asDesk = () =>
    api.token({ tenantId: 'vienna', userId: 'desk', roles: ['front_desk'], storeIds: [storeId] });
  const setClock = async (at: string) =>
    expect((await api.call('POST', '/local/clock', { body: { set: at } })).status).toBe(200);
  /** Which items' retention reminders the desk has had, by category, in order. */
  const reminded = async (items: readonly LostItem[]) => {
    const inbox = await api.call<{ items: Json[] }>('GET', '/v1/me/notifications?limit=100', {
      token: await asDesk(),
    });
    return inbox.body.items
      .filter((entry) => entry.kind === 'lost_item_retention_ended')
      .map((entry) => items.find((item) => item.id === entry.lostItemId)?.category ?? 'other')
      .reverse();
  };

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    await setClock('2026-11-27T10:00:00+08:00');
    const store = await api.call<Json>('POST', '/v1/stores', {
      token: await asAdmin(),
      body: { code: 'VNA02', name: '维也纳酒店 南山店', kind: 'hotel' },
    });
    storeId = store.body.id as string;
    const staff = await api.call('POST', '/v1/staff', {
      token: await asAdmin(),
      body: { name: '前台', roles: ['front_desk'], storeIds: [storeId], userId: 'desk' },
    });
    expect(staff.status).toBe(201);
  }, e2eTimeout());
  afterAll(async () => {
    expect(await service.stop()).toBe(0);
  }, e2eTimeout());

  it('recordFoundItem, claimLostItem, disposeLostItem: perishables reminded after a day, food after a week, general after 3 months, valuables after 6; a claimed item never', {
    timeout: e2eTimeout(0),
  }, async () => {
    const items: LostItem[] = [];
    for (const [category, description] of [
      ['perishables', '生日蛋糕'],
      ['food', '未开封茶叶'],
      ['general', '黑色雨伞'],
      ['valuables', '金项链'],
      ['general', '儿童外套'],
    ] as const) {
      const recorded = await api.call<LostItem>('POST', '/v1/lost-items', {
        token: await asDesk(),
        body: {
          storeId,
          description,
          category,
          foundWhere: '1203',
          foundAt: '2026-11-27T09:30:00+08:00',
          foundBy: '客房部 张阿姨',
          storagePlace: '前台失物柜',
        },
      });
      expect(recorded.status).toBe(201);
      items.push(recorded.body);
    }
    const claimed = items[4] as LostItem;
    const claim = await api.call<LostItem>('POST', `/v1/lost-items/${claimed.id}/claim`, {
      token: await asDesk(),
      body: {
        version: 1,
        claimantName: '周女士',
        claimantDescription: '红色儿童外套，口袋里有发卡',
        idType: 'resident_id',
        idLast4: '4321',
        signatureRef: 'LF-2026-1127-01',
      },
    });
    expect(claim.body.status).toBe('claimed');
    expect(items.map((item) => item.retainUntil)).toEqual([
      '2026-11-28T01:30:00.000Z',
      '2026-12-04T01:30:00.000Z',
      '2027-02-27T01:30:00.000Z',
      '2027-05-27T01:30:00.000Z',
      '2027-02-27T01:30:00.000Z',
    ]);

    await setClock('2026-11-28T09:29:00+08:00');
    expect(await reminded(items)).toEqual([]);
    await setClock('2026-11-28T09:30:05+08:00');
    expect(await reminded(items)).toEqual(['perishables']);
    await setClock('2026-12-04T09:30:05+08:00');
    expect(await reminded(items)).toEqual(['perishables', 'food']);
    await setClock('2027-02-27T09:30:05+08:00');
    expect(await reminded(items)).toEqual(['perishables', 'food', 'general']);
    await setClock('2027-05-27T09:30:05+08:00');
    expect(await reminded(items)).toEqual(['perishables', 'food', 'general', 'valuables']);
    await setClock('2027-08-27T09:30:05+08:00');
    expect(await reminded(items)).toEqual(['perishables', 'food', 'general', 'valuables']);

    // Unclaimed after retention: handed to the police (旅馆业治安管理办法 art. 8), recorded.
    const valuables = items[3] as LostItem;
    const current = (
      await api.call<LostItem>('GET', `/v1/lost-items/${valuables.id}`, { token: await asDesk() })
    ).body;
    const handed = await api.call<LostItem & { history: { what: string }[] }>(
      'POST',
      `/v1/lost-items/${valuables.id}/dispose`,
      {
        token: await asDesk(),
        body: { version: current.version, how: 'handed_to_police', receiptRef: '南山派出所 0827' },
      },
    );
    expect(handed.status).toBe(200);
    expect(handed.body.history.map((entry) => entry.what)).toEqual([
      'found',
      'retention_ended',
      'handed_to_police',
    ]);
  });
});
