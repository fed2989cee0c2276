import { beforeAll, describe, expect, it } from 'vitest';
import type { ShiftHandover } from '../../shared/shift-handovers/views';
import { type DeskFixture, deskFixture, ok, succeeded } from '../kit/fixtures';
import { admin, freshTenant, invoke, problem } from '../kit/invoke';
import {
  enableFrontOffice,
  newComplaint,
  newGuestMessage,
  newLoan,
  newLuggage,
  newSafeBox,
  newTicket,
  newWakeUpCall,
  pastShift,
  shanghaiWallClock,
} from '../kit/route-requests';
import { itemsOfTenant } from '../kit/table';

let desk: DeskFixture;

beforeAll(async () => {
  desk = await deskFixture('shift-handovers');
  await enableFrontOffice(desk, desk.store.id);
  await enableFrontOffice(desk, desk.otherStore.id);
}, 60_000);

const handOver = (body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  invoke<ShiftHandover>('createShiftHandover', {
    caller: desk.as.desk,
    headers,
    body: { storeId: desk.store.id, ...pastShift(), cashCount: 150_000, ...body },
  });

describe('shift handovers (前台交班本)', () => {
  it('createShiftHandover: the snapshot counts what the ledgers hold open, lists at most 20 per kind, and leaves out what is closed, far off or in another store', async () => {
    // Open: two wake-ups within 12 hours, one a day ahead (left out).
    const soon = [await newWakeUpCall(desk), await newWakeUpCall(desk)];
    await succeeded('createWakeUpCall', {
      caller: desk.as.desk,
      body: { storeId: desk.store.id, room: '0909', guestName: '远期', ...shanghaiWallClock(20 * 60) },
    });
    const bags = [await newLuggage(desk), await newLuggage(desk)];
    const collected = await newLuggage(desk);
    await ok('pickUpLuggage', {
      caller: desk.as.desk,
      params: { luggageId: collected.id },
      body: { version: 1, with: 'stub', tagNumber: collected.tagNumber },
    });
    const loan = await newLoan(desk);
    const box = await newSafeBox(desk);
    const messages = [];
    for (let i = 0; i < 23; i++) messages.push(await newGuestMessage(desk));
    const delivered = await newGuestMessage(desk);
    await ok('deliverGuestMessage', {
      caller: desk.as.desk,
      params: { guestMessageId: delivered.id },
      body: { version: 1, how: 'in_person' },
    });
    const ticket = await newTicket(desk);
    // A complaint case sits on a complaint ticket of its own: in both sections.
    const complaint = await newComplaint(desk);
    // Another store's open items are not this desk's.
    await succeeded('storeLuggage', {
      caller: desk.admin,
      body: {
        storeId: desk.otherStore.id,
        tagNumber: `X${Date.now()}`,
        pieces: 1,
        description: '纸箱',
        location: '行李房',
        guestName: '别店客人',
        expectedPickUpAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });

    const created = await handOver({ notes: '1203 延迟退房至 14:00' });
    expect(created.status).toBe(201);
    const { snapshot } = created.body;
    expect(snapshot.listLimit).toBe(20);
    expect(snapshot.wakeUpCalls.count).toBe(2);
    expect(snapshot.wakeUpCalls.items.map((item) => item.id).sort()).toEqual(
      soon.map((call) => call.id).sort(),
    );
    expect(snapshot.luggage.count).toBe(2);
    expect(snapshot.luggage.items.map((item) => item.id).sort()).toEqual(bags.map((bag) => bag.id).sort());
    expect(snapshot.loans).toMatchObject({ count: 1, items: [{ id: loan.id }] });
    expect(snapshot.safeBoxes).toMatchObject({ count: 1, items: [{ id: box.id }] });
    expect(snapshot.guestMessages.count).toBe(23);
    expect(snapshot.guestMessages.items).toHaveLength(20);
    expect(snapshot.guestMessages.items.map((item) => item.id)).not.toContain(delivered.id);
    expect(snapshot.complaints).toMatchObject({ count: 1, items: [{ id: complaint.id }] });
    expect(snapshot.tickets.count).toBe(2);
    expect(snapshot.tickets.items.map((item) => item.id)).toContain(ticket.id);
    expect(created.body).toMatchObject({
      status: 'handed_over',
      handedOverBy: desk.as.desk.userId,
      cashCount: 150_000,
      notes: '1203 延迟退房至 14:00',
    });
  });

  it('acceptShiftHandover: refused (422) for the person who handed over, 409 on a stale version; accepted by another; immutable after (409)', async () => {
    const handover = (await handOver()).body;
    const same = await invoke('acceptShiftHandover', {
      caller: desk.as.desk,
      params: { shiftHandoverId: handover.id },
      body: { version: 1 },
    });
    expect(same.status).toBe(422);
    expect(problem(same).code).toBe('handover_same_person');
    const stale = await invoke('acceptShiftHandover', {
      caller: desk.as.supervisor,
      params: { shiftHandoverId: handover.id },
      body: { version: 2 },
    });
    expect(stale.status).toBe(409);
    expect(problem(stale).code).toBe('version_conflict');
    const accepted = await ok<ShiftHandover>('acceptShiftHandover', {
      caller: desk.as.supervisor,
      params: { shiftHandoverId: handover.id },
      body: { version: 1, note: '现金已核对' },
    });
    expect(accepted).toMatchObject({ status: 'accepted', acceptedBy: desk.as.supervisor.userId, version: 2 });
    expect(accepted.snapshot).toEqual(handover.snapshot);
    const again = await invoke('acceptShiftHandover', {
      caller: desk.as.manager,
      params: { shiftHandoverId: handover.id },
      body: { version: 2 },
    });
    expect(again.status).toBe(409);
    expect(problem(again).code).toBe('shift_handover_accepted');
  });

  it('createShiftHandover: one per shift (409); an unknown shift or one not begun is refused; bad input writes nothing; a retry with the same Idempotency-Key returns the first', async () => {
    const shift = pastShift();
    expect((await handOver(shift)).status).toBe(201);
    const before = (await itemsOfTenant(desk.tenant)).length;
    const twice = await handOver(shift);
    expect(twice.status).toBe(409);
    expect(problem(twice).code).toBe('shift_handover_exists');
    const unknown = await handOver({ shiftStart: '08:00' });
    expect(problem(unknown).code).toBe('unknown_shift');
    const ahead = await handOver({ shiftDate: shanghaiWallClock(3 * 24 * 60).date, shiftStart: '07:00' });
    expect(problem(ahead).code).toBe('shift_not_started');
    const negative = await handOver({ cashCount: -1 });
    expect(negative.status).toBe(400);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before);

    const key = { 'Idempotency-Key': `handover-${Date.now()}` };
    const next = pastShift();
    const first = await handOver(next, key);
    const count = (await itemsOfTenant(desk.tenant)).length;
    const retry = await handOver(next, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(count);
  });

  it('getShiftHandover, listShiftHandovers: another tenant gets 404; a technician is refused; awaiting acceptance listed', async () => {
    const handover = (await handOver()).body;
    const stranger = await invoke('getShiftHandover', {
      caller: admin(freshTenant('shift-handovers-other')),
      params: { shiftHandoverId: handover.id },
    });
    expect(stranger.status).toBe(404);
    const tech = await invoke('createShiftHandover', {
      caller: desk.as.tech,
      body: { storeId: desk.store.id, ...pastShift(), cashCount: 0 },
    });
    expect(tech.status).toBe(403);
    const page = await ok<{ items: ShiftHandover[] }>('listShiftHandovers', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id, limit: '100' },
    });
    expect(page.items.map((item) => item.id)).toContain(handover.id);
    expect(page.items.every((item) => item.status === 'handed_over')).toBe(true);
  });
});
