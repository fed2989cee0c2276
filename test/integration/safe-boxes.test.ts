import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../shared/db/cursor';
import type { SafeBox } from '../../shared/safe-boxes/views';
import { type DeskFixture, deskFixture, ok } from '../kit/fixtures';
import { admin, freshTenant, invoke, problem } from '../kit/invoke';
import { enableFrontOffice } from '../kit/route-requests';
import { itemsOfTenant } from '../kit/table';

let desk: DeskFixture;
let serial = 0;
const freshBox = () => `B${(Date.now() % 1e6).toString(36)}${serial++}`.toUpperCase();

beforeAll(async () => {
  desk = await deskFixture('safe-boxes');
  await enableFrontOffice(desk, desk.store.id);
}, 60_000);

const open = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  invoke<SafeBox>('openSafeBox', {
    caller: desk.as.desk,
    headers,
    body: {
      storeId: desk.store.id,
      guestName: '王先生',
      room: '1203',
      idType: 'resident_id',
      idLast4: '002X',
      signatureRef: 'SB-0001',
      ...body,
    },
  });

describe('safe deposit boxes (保险箱)', () => {
  it('openSafeBox, recordSafeBoxAccess, closeSafeBox: every access logged with who and when; a box in use cannot be opened again; closed with the key lost → the fee is recorded and the box is free', async () => {
    const boxNumber = freshBox();
    const card = (await open({ boxNumber })).body;
    expect(card).toMatchObject({ status: 'open', boxNumber, openedBy: desk.as.desk.userId });
    const before = (await itemsOfTenant(desk.tenant)).length;
    const inUse = await open({ boxNumber: boxNumber.toLowerCase(), guestName: '李女士' });
    expect(inUse.status).toBe(409);
    expect(problem(inUse).code).toBe('safe_box_in_use');
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before);

    const accessed = await ok<SafeBox>('recordSafeBoxAccess', {
      caller: desk.as.supervisor,
      params: { safeBoxId: card.id },
      body: { version: 1, signatureRef: 'SB-0001-2', note: '取出护照' },
    });
    expect(accessed.history.at(-1)).toMatchObject({
      what: 'accessed',
      by: desk.as.supervisor.userId,
      signatureRef: 'SB-0001-2',
    });
    const stale = await invoke('recordSafeBoxAccess', {
      caller: desk.as.desk,
      params: { safeBoxId: card.id },
      body: { version: 1, signatureRef: 'SB-0001-3' },
    });
    expect(stale.status).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');

    const closed = await ok<SafeBox>('closeSafeBox', {
      caller: desk.as.desk,
      params: { safeBoxId: card.id },
      body: { version: 2, keyReturned: false, signatureRef: 'SB-0001-4', note: '客人钥匙遗失' },
    });
    expect(closed).toMatchObject({ status: 'closed', accesses: 1, keyNotReturned: { fee: 50_000 } });
    expect(closed.history.map((entry) => entry.what)).toEqual([
      'opened',
      'accessed',
      'closed',
      'key_not_returned',
    ]);
    const afterClose = await invoke('recordSafeBoxAccess', {
      caller: desk.as.desk,
      params: { safeBoxId: card.id },
      body: { version: 3, signatureRef: 'SB-0001-5' },
    });
    expect(problem(afterClose).code).toBe('safe_box_closed');
    const next = await open({ boxNumber, guestName: '赵女士' });
    expect(next.status).toBe(201);
  });

  it('openSafeBox: ten concurrent openings of the same box → exactly one open card', async () => {
    const boxNumber = freshBox();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => open({ boxNumber, guestName: `客人 ${i}` })),
    );
    expect(results.map((result) => result.status).sort()).toEqual([
      201, 409, 409, 409, 409, 409, 409, 409, 409, 409,
    ]);
    const cards = (await itemsOfTenant(desk.tenant)).filter(
      (item) => item.entity === 'safe_box' && item.boxNumber === boxNumber,
    );
    expect(cards).toHaveLength(1);
  });

  it('openSafeBox: a retry with the same Idempotency-Key returns the first card; a full ID number is refused and nothing is written', async () => {
    const before = (await itemsOfTenant(desk.tenant)).length;
    const fullId = await open({ boxNumber: freshBox(), idLast4: '11010519491231002X' });
    expect(fullId.status).toBe(400);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before);
    const key = { 'Idempotency-Key': `safe-box-${Date.now()}` };
    const boxNumber = freshBox();
    const first = await open({ boxNumber }, key);
    const count = (await itemsOfTenant(desk.tenant)).length;
    const retry = await open({ boxNumber }, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(count);
  });

  it('getSafeBox, listSafeBoxes: another tenant gets 404; a technician is refused; open boxes listed', async () => {
    const card = (await open({ boxNumber: freshBox() })).body;
    const stranger = await invoke('getSafeBox', {
      caller: admin(freshTenant('safe-boxes-other')),
      params: { safeBoxId: card.id },
    });
    expect(stranger.status).toBe(404);
    const tech = await invoke('closeSafeBox', {
      caller: desk.as.tech,
      params: { safeBoxId: card.id },
      body: { version: 1, keyReturned: true, signatureRef: 'x' },
    });
    expect(tech.status).toBe(403);
    const page = await ok<Page<SafeBox>>('listSafeBoxes', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, limit: '100' },
    });
    expect(page.items.map((item) => item.id)).toContain(card.id);
    expect(page.items.every((item) => item.status === 'open')).toBe(true);
  });
});
