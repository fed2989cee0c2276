import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { Page } from '../../shared/db/cursor';
import { loanTimerKey } from '../../shared/lending/entities';
import type { Loan } from '../../shared/lending/views';
import type { Notification } from '../../shared/notifications/inbox';
import { setClockOffset } from '../../shared/time/clock';
import { findTimer } from '../../shared/timers/repository';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { invoke, problem } from '../kit/invoke';
import { enableFrontOffice } from '../kit/route-requests';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const setClock = (at: string) => setClockOffset(Date.parse(at) - Date.now());
let timers: TimerRuntime;
let desk: DeskFixture;

// Setup on a busy machine: a tenant, two stores and a team take more than the default 10 s hook.
beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
  desk = await deskFixture('lending');
  await enableFrontOffice(desk, desk.store.id);
}, 60_000);
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

const lend = (body: Record<string, unknown>) =>
  invoke<Loan>('lendItem', {
    caller: desk.as.desk,
    body: { storeId: desk.store.id, item: '雨伞', deposit: 5000, room: '1203', ...body },
  });
const read = async (id: string) =>
  (await invoke<Loan>('getLoan', { caller: desk.as.desk, params: { loanId: id } })).body;
const reminders = async (loanId: string) =>
  (
    await invoke<Page<Notification>>('listNotifications', { caller: desk.as.desk, query: { limit: '100' } })
  ).body.items
    .filter((entry) => 'loanId' in entry && entry.loanId === loanId)
    .map((entry) => entry.kind);

describe('item lending (物品借用)', () => {
  it('lendItem, fireLoanTimer, keepLoanDeposit: not back by its time → the desk is reminded once; not back at check-out → the deposit is kept', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const loan = (await lend({ dueBackAt: '2026-11-27T18:00:00+08:00' })).body;
    expect(loan).toMatchObject({
      status: 'out',
      deposit: 5000,
      currency: 'CNY',
      lentBy: desk.as.desk.userId,
    });
    setClock('2026-11-27T17:59:00+08:00');
    await timers.settle();
    expect(await reminders(loan.id)).toEqual([]);

    // Due: the sweep claims the reminder and its message is delivered three times.
    setClock('2026-11-27T18:00:05+08:00');
    await timers.sweep();
    const mine = timers.queues.peek('revisit').filter((body) => body.includes(loan.id));
    expect(mine).toHaveLength(1);
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    timers.queues.sendRaw('revisit', mine[0] ?? '');
    await timers.queues.drain();
    setClock('2026-11-28T18:00:00+08:00');
    await timers.settle();
    expect(await reminders(loan.id)).toEqual(['loan_overdue']);
    const overdue = await read(loan.id);
    expect(overdue).toMatchObject({ status: 'out', version: 2 });
    expect(await findTimer(loanTimerKey(desk.tenant, loan.id))).toBeUndefined();

    const stale = await invoke('keepLoanDeposit', {
      caller: desk.as.desk,
      params: { loanId: loan.id },
      body: { version: 1, reason: '退房未归还' },
    });
    expect(stale.status).toBe(409);
    const kept = await invoke<Loan>('keepLoanDeposit', {
      caller: desk.as.desk,
      params: { loanId: loan.id },
      body: { version: 2, reason: '退房未归还' },
    });
    expect(kept.body).toMatchObject({ status: 'deposit_kept', depositRefunded: 0, version: 3 });
    expect(kept.body.history.map((entry) => entry.what)).toEqual([
      'lent',
      'overdue_reminded',
      'deposit_kept',
    ]);
  });

  it('returnLentItem: back in time → the deposit is refunded and no reminder ever comes', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const loan = (await lend({ item: '熨斗', deposit: 20_000, dueBackAt: '2026-11-27T12:00:00+08:00' })).body;
    const back = await invoke<Loan>('returnLentItem', {
      caller: desk.as.desk,
      params: { loanId: loan.id },
      body: { version: 1, note: '完好' },
    });
    expect(back.body).toMatchObject({ status: 'returned', depositRefunded: 20_000 });
    expect(await findTimer(loanTimerKey(desk.tenant, loan.id))).toBeUndefined();
    setClock('2026-11-27T13:00:00+08:00');
    await timers.settle();
    expect(await reminders(loan.id)).toEqual([]);
    const again = await invoke('returnLentItem', {
      caller: desk.as.desk,
      params: { loanId: loan.id },
      body: { version: 2 },
    });
    expect(again.status).toBe(409);
    expect(problem(again).code).toBe('loan_closed');
  });

  it('lendItem, listLoans: refuses a loan lent in the future or due before it went out, writing nothing; lists what is out by due time', async () => {
    setClock('2026-11-27T09:00:00+08:00');
    const before = (await itemsOfTenant(desk.tenant)).length;
    const future = await lend({
      lentAt: '2026-11-27T10:00:00+08:00',
      dueBackAt: '2026-11-27T12:00:00+08:00',
    });
    expect(problem(future).code).toBe('lent_in_future');
    const backwards = await lend({ dueBackAt: '2026-11-27T08:00:00+08:00' });
    expect(problem(backwards).code).toBe('due_before_lent');
    const nobody = await lend({ room: undefined, dueBackAt: '2026-11-27T12:00:00+08:00' });
    expect(nobody.status).toBe(400);
    expect((await itemsOfTenant(desk.tenant)).length).toBe(before);

    const later = (await lend({ item: '加湿器', dueBackAt: '2026-11-30T12:00:00+08:00' })).body;
    const sooner = (await lend({ item: '台灯', dueBackAt: '2026-11-29T12:00:00+08:00' })).body;
    const page = await invoke<Page<Loan>>('listLoans', {
      caller: desk.as.desk,
      query: { storeId: desk.store.id },
    });
    const ids = page.body.items.map((item) => item.id);
    expect(ids.indexOf(sooner.id)).toBeLessThan(ids.indexOf(later.id));
    expect(page.body.items.every((item) => item.status === 'out')).toBe(true);
  });
});
