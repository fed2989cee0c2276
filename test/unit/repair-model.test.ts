import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../../shared/access/roles';
import { warrantyOf } from '../../shared/after-sales/warranty';
import { DomainError } from '../../shared/errors';
import {
  applyRepairStep,
  daysWithRepairer,
  markStalled,
  openRepair,
  type RepairCase,
  repairTimerOf,
} from '../../shared/repairs/model';
import type { CreateRepairInput, RecordRepairStepInput } from '../../shared/repairs/schema';
import type { RepairPriceList } from '../../shared/repairs/views';

const now = new Date('2026-11-27T10:00:00+08:00');
const ulid = (n: number) => `01JQ${String(n).padStart(22, '0')}`;
const warranty = (inWarranty: boolean) => ({
  inWarranty,
  ruleClass: 'computer',
  months: 12,
  lastDay: inWarranty ? '2027-01-01' : '2026-01-01',
  invoiceDate: inWarranty ? '2026-01-01' : '2025-01-01',
  daysInRepairBefore: 0,
  decidedOn: '2026-11-27',
  basis: 'test',
});

const open = (mode: CreateRepairInput['mode'], inWarranty: boolean): RepairCase =>
  openRepair(
    {
      ticketId: ulid(1),
      customerId: ulid(2),
      purchaseId: ulid(3),
      line: 1,
      mode,
      problem: '无法开机',
      ...(mode === 'on_site'
        ? {
            appointment: { from: '2026-11-28T09:00:00+08:00', to: '2026-11-28T12:00:00+08:00' },
            technicianId: ulid(4),
          }
        : {}),
    },
    { id: ulid(5), storeId: ulid(6), itemName: '笔记本电脑', warranty: warranty(inWarranty) },
    'desk',
    now,
  );

/** A step without its version (distributed over the union, so each step keeps its own fields). */
type Step = RecordRepairStepInput extends infer T ? (T extends unknown ? Omit<T, 'version'> : never) : never;
const steps: Record<string, Step> = {
  receive: { step: 'receive_parcel', trackingNumber: 'SF1' },
  inspect: { step: 'inspect', findings: '主板短路' },
  inspectMisuse: { step: 'inspect', findings: '进水', exemption: 'misuse_or_poor_storage' },
  quote: {
    step: 'quote',
    lines: [
      { code: 'LAB-MB', quantity: 1 },
      { code: 'PART-MB', quantity: 1 },
    ],
    description: '更换主板',
  },
  accept: {
    step: 'accept',
    payment: { amount: 45_000, currency: 'CNY', method: 'wechat_pay', reference: 'WX1' },
  },
  decline: {
    step: 'decline',
    reason: '太贵',
    payment: { amount: 5_000, currency: 'CNY', method: 'cash', reference: 'R0' },
  },
  declineParts: { step: 'decline', reason: '网上买更便宜' },
  refuseOnSite: {
    step: 'decline',
    reason: '维修费太高',
    findings: '主板烧毁',
    payment: { amount: 5_000, currency: 'CNY', method: 'cash', reference: 'R5' },
  },
  withdraw: { step: 'withdraw', reason: '已自行解决' },
  cancel: { step: 'cancel', reason: '重复登记' },
  refund: { step: 'refund', amount: 45_000, method: 'cash', reference: 'RF1' },
  ship: { step: 'ship', trackingNumber: 'SF2' },
  deliver: { step: 'deliver' },
  guide: { step: 'guide', guidance: '已指导安装' },
  visitFree: {
    step: 'visit',
    findings: '风扇积灰',
    lines: [{ code: 'LAB-VISIT', quantity: 1 }],
    labourMinutes: 30,
  },
  visitPaid: {
    step: 'visit',
    findings: '风扇损坏',
    lines: [
      { code: 'LAB-VISIT', quantity: 1 },
      { code: 'PART-FAN', quantity: 1 },
    ],
    labourMinutes: 30,
    payment: { amount: 20_000, currency: 'CNY', method: 'cash', reference: 'R1' },
  },
};

/** A price list: 主板 labour 150 yuan and part 300, a visit 80, a fan 120; inspection fee 50 yuan. */
const priceList: RepairPriceList = {
  items: [
    { code: 'LAB-MB', name: '主板维修工时', kind: 'labour', amount: 15_000 },
    { code: 'PART-MB', name: '主板', kind: 'part', amount: 30_000 },
    { code: 'LAB-VISIT', name: '上门服务费', kind: 'labour', amount: 8_000 },
    { code: 'PART-FAN', name: '散热风扇', kind: 'part', amount: 12_000 },
  ],
  inspectionFee: 5_000,
  currency: 'CNY',
  version: 3,
};

let eventSerial = 10;
const context = (roles: readonly StaffRole[] = ['supervisor']) => ({
  actorId: 'actor',
  roles,
  eventId: ulid(eventSerial++),
  now,
  quoteStallAt: '2026-12-02T01:00:00.000Z',
  visitStallAt: '2026-11-30T10:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  priceList,
});

const run = (repair: RepairCase, names: readonly string[]) =>
  names.reduce(
    (current, name) =>
      applyRepairStep(
        current,
        { ...(steps[name] as Step), version: current.version } as RecordRepairStepInput,
        context(),
      ).repair,
    repair,
  );

const codeOf = (thunk: () => unknown) => {
  try {
    thunk();
    return 'none';
  } catch (error) {
    return error instanceof DomainError ? `${error.kind}:${error.code}` : String(error);
  }
};

describe('the repair stage machine (applyRepairStep)', () => {
  it.each([
    [
      'mail_in',
      true,
      ['receive', 'inspect', 'ship', 'deliver', 'guide'],
      ['received', 'repairing', 'shipped', 'delivered', 'done'],
      'free',
      true,
    ],
    [
      'mail_in',
      false,
      ['receive', 'inspect', 'quote', 'accept', 'ship', 'deliver'],
      ['received', 'inspected', 'quoted', 'repairing', 'shipped', 'delivered'],
      'paid',
      true,
    ],
    [
      'mail_in',
      false,
      ['receive', 'inspect', 'quote', 'decline', 'ship', 'deliver'],
      ['received', 'inspected', 'quoted', 'declined', 'shipped', 'returned_unrepaired'],
      'paid',
      false,
    ],
    ['parts', true, ['quote', 'declineParts'], ['quoted', 'declined'], 'paid', false],
    [
      'mail_in',
      true,
      ['receive', 'inspectMisuse', 'quote', 'accept', 'ship', 'deliver'],
      ['received', 'inspected', 'quoted', 'repairing', 'shipped', 'delivered'],
      'paid',
      true,
    ],
    [
      'parts',
      true,
      ['quote', 'accept', 'ship', 'deliver', 'guide'],
      ['quoted', 'paid', 'shipped', 'delivered', 'done'],
      'paid',
      false,
    ],
    ['on_site', true, ['visitFree'], ['done'], 'free', true],
    ['on_site', false, ['visitPaid'], ['done'], 'paid', true],
    ['on_site', false, ['refuseOnSite'], ['declined'], 'paid', false],
  ] as const)('%s (in warranty: %s): %j → %j', (mode, inWarranty, names, statuses, charge, counts) => {
    let repair = open(mode, inWarranty);
    const seen: string[] = [];
    for (const name of names) {
      repair = run(repair, [name]);
      seen.push(repair.status);
    }
    expect(seen).toEqual(statuses);
    expect(repair.charge).toBe(charge);
    expect(repair.countsAsRepair).toBe(counts);
    expect(repair.finishedAt).toBe(now.toISOString());
    expect(repair.version).toBe(1 + names.length);
    expect(repair.history.map((entry) => entry.step)).toEqual([
      'registered',
      ...names.map((name) => (steps[name] as Step).step),
    ]);
  });

  it.each([
    ['mail_in', true, [], 'quote', 'conflict:repair_stage_not_allowed'],
    ['mail_in', true, ['receive', 'inspect'], 'quote', 'conflict:repair_stage_not_allowed'],
    ['mail_in', false, ['receive'], 'ship', 'conflict:repair_stage_not_allowed'],
    ['mail_in', false, ['receive', 'inspect', 'quote'], 'ship', 'conflict:repair_stage_not_allowed'],
    [
      'mail_in',
      false,
      ['receive', 'inspect', 'quote', 'accept', 'ship', 'deliver', 'guide'],
      'guide',
      'conflict:repair_stage_not_allowed',
    ],
    ['parts', true, [], 'declineParts', 'conflict:repair_stage_not_allowed'],
    ['on_site', false, [], 'declineParts', 'invalid_input:invalid_input'],
    ['on_site', true, [], 'refuseOnSite', 'conflict:repair_stage_not_allowed'],
    ['on_site', false, ['visitPaid'], 'refuseOnSite', 'conflict:repair_stage_not_allowed'],
    ['mail_in', false, ['receive', 'inspect', 'quote'], 'refuseOnSite', 'invalid_input:invalid_input'],
    ['mail_in', false, ['receive'], 'withdraw', 'conflict:repair_stage_not_allowed'],
    [
      'mail_in',
      false,
      ['receive', 'inspect', 'quote', 'accept'],
      'cancel',
      'conflict:repair_stage_not_allowed',
    ],
    ['parts', true, ['quote', 'accept', 'ship'], 'withdraw', 'conflict:repair_stage_not_allowed'],
    ['on_site', true, ['visitFree'], 'cancel', 'conflict:repair_stage_not_allowed'],
    ['parts', true, ['quote', 'declineParts'], 'withdraw', 'conflict:repair_stage_not_allowed'],
    ['parts', true, ['quote', 'accept'], 'refund', 'conflict:repair_stage_not_allowed'],
    ['parts', true, ['quote', 'accept', 'ship', 'deliver'], 'refund', 'conflict:repair_stage_not_allowed'],
    ['parts', true, ['quote', 'withdraw'], 'refund', 'conflict:repair_refund_not_due'],
    ['mail_in', false, ['cancel'], 'refund', 'conflict:repair_refund_not_due'],
    ['parts', true, ['quote', 'accept', 'withdraw', 'refund'], 'refund', 'conflict:repair_refund_paid'],
    [
      'mail_in',
      false,
      ['receive', 'inspect', 'quote', 'decline', 'ship', 'deliver'],
      'guide',
      'conflict:repair_stage_not_allowed',
    ],
    ['parts', true, ['quote'], 'decline', 'invalid_input:invalid_input'],
    ['parts', true, [], 'receive', 'conflict:repair_stage_not_allowed'],
    ['on_site', true, [], 'deliver', 'conflict:repair_stage_not_allowed'],
    ['on_site', true, [], 'visitPaid', 'invalid_input:invalid_input'],
    ['on_site', false, [], 'visitFree', 'invalid_input:invalid_input'],
  ] as const)('%s (in warranty: %s) after %j refuses %s: %s', (mode, inWarranty, before, name, code) => {
    const repair = run(open(mode, inWarranty), before);
    expect(
      codeOf(() =>
        applyRepairStep(
          repair,
          { ...(steps[name] as Step), version: repair.version } as RecordRepairStepInput,
          context(),
        ),
      ),
    ).toBe(code);
  });

  it.each([
    ['front_desk', 'receive', 'none'],
    ['front_desk', 'inspect', 'forbidden:repair_step_not_allowed'],
    ['front_desk', 'quote', 'forbidden:repair_step_not_allowed'],
    ['technician', 'inspect', 'none'],
    ['complaint_handler', 'receive', 'forbidden:repair_step_not_allowed'],
    ['manager', 'inspect', 'none'],
  ] as const)('a %s recording %s: %s', (role, name, code) => {
    const repair = name === 'receive' ? open('mail_in', false) : run(open('mail_in', false), ['receive']);
    expect(
      codeOf(() =>
        applyRepairStep(
          repair,
          { ...(steps[name] as Step), version: repair.version } as RecordRepairStepInput,
          context([role]),
        ),
      ),
    ).toBe(code);
  });

  it('prices the quote from the price list; the payment must be what it comes to', () => {
    const quoted = run(open('mail_in', false), ['receive', 'inspect', 'quote']);
    expect(quoted.quote).toMatchObject({
      lines: [
        { code: 'LAB-MB', unitAmount: 15_000, quantity: 1, amount: 15_000 },
        { code: 'PART-MB', unitAmount: 30_000, quantity: 1, amount: 30_000 },
      ],
      listTotal: 45_000,
      total: 45_000,
      free: false,
      priceListVersion: 3,
    });
    expect(quoted.chargeBasis).toContain('out of warranty since 2026-01-01');
    const accept = (amount: number) =>
      applyRepairStep(
        quoted,
        {
          step: 'accept',
          version: quoted.version,
          payment: { amount, currency: 'CNY', method: 'cash', reference: 'R' },
        },
        context(),
      );
    expect(codeOf(() => accept(44_999))).toBe('invalid_input:invalid_input');
    expect(accept(45_000).repair.payment?.amount).toBe(45_000);
    const unknown = () =>
      applyRepairStep(
        run(open('mail_in', false), ['receive', 'inspect']),
        { step: 'quote', version: 4, lines: [{ code: 'NOPE', quantity: 1 }] },
        context(),
      );
    expect(codeOf(unknown)).toBe('invalid_input:invalid_input');
  });

  it('a declined quote records the reason and the inspection fee paid, and goes back unrepaired', () => {
    const quoted = run(open('mail_in', false), ['receive', 'inspect', 'quote']);
    const decline = (body: Partial<Extract<RecordRepairStepInput, { step: 'decline' }>>, list = priceList) =>
      applyRepairStep(
        quoted,
        { step: 'decline', version: quoted.version, reason: '太贵', ...body },
        { ...context(), priceList: list },
      );
    const issuesOf = (thunk: () => unknown) => {
      try {
        thunk();
        return [];
      } catch (error) {
        return error instanceof DomainError ? error.issues.map((issue) => issue.path) : [String(error)];
      }
    };
    expect(issuesOf(() => decline({}))).toEqual(['payment']);
    expect(
      issuesOf(() =>
        decline({ payment: { amount: 4_000, currency: 'CNY', method: 'cash', reference: 'R' } }),
      ),
    ).toEqual(['payment.amount']);
    const free = { ...priceList, inspectionFee: 0 };
    expect(
      issuesOf(() =>
        decline({ payment: { amount: 0, currency: 'CNY', method: 'cash', reference: 'R' } }, free),
      ),
    ).toEqual(['payment']);
    const { repair, event } = decline({
      payment: { amount: 5_000, currency: 'CNY', method: 'cash', reference: 'R9' },
    });
    expect(repair).toMatchObject({
      status: 'declined',
      declined: { reason: '太贵', inspectionFee: 5_000, priceListVersion: 3, payment: { reference: 'R9' } },
    });
    expect(repair.stall).toBeUndefined();
    expect(event).toMatchObject({ step: 'decline', from: 'quoted', to: 'declined' });
    expect(event.kind === 'case_step' ? event.note : '').toContain('太贵');
    expect(repair.finishedAt).toBeUndefined();
    const noFee = decline({}, free).repair;
    expect(noFee.declined).toMatchObject({ inspectionFee: 0, priceListVersion: 3 });
    const back = run(noFee, ['ship', 'deliver']);
    expect(back).toMatchObject({ status: 'returned_unrepaired', countsAsRepair: false });
    expect(back.history.at(-1)?.note).toContain('unrepaired');
  });

  it('an on-site visit is priced from the price list: free in warranty with the reason, charged outside it', () => {
    const free = run(open('on_site', true), ['visitFree']);
    expect(free.visit?.charges).toMatchObject({ listTotal: 8_000, total: 0, free: true });
    expect(free.visit?.charges.basis).toContain('in warranty until 2027-01-01');
    expect(free.chargeBasis).toContain('保修期内免费');
    const paid = run(open('on_site', false), ['visitPaid']);
    expect(paid.visit?.charges).toMatchObject({ listTotal: 20_000, total: 20_000, free: false });
    expect(paid.visit?.payment).toMatchObject({ amount: 20_000 });
    const exempt = applyRepairStep(
      open('on_site', true),
      {
        ...(steps.visitPaid as Extract<Step, { step: 'visit' }>),
        exemption: 'misuse_or_poor_storage',
        version: 1,
      },
      context(),
    ).repair;
    expect(exempt).toMatchObject({ charge: 'paid', visit: { charges: { total: 20_000 } } });
    expect(exempt.chargeBasis).toContain('misuse_or_poor_storage');
  });

  it('reschedules an on-site visit before it happens, noting the old window; nothing else can', () => {
    const window = { from: '2026-11-30T14:00:00+08:00', to: '2026-11-30T16:00:00+08:00' };
    const scheduled = open('on_site', true);
    const reschedule = {
      step: 'reschedule',
      appointment: window,
      reason: '客户不在家',
    } as const;
    const { repair, event } = applyRepairStep(
      scheduled,
      { ...reschedule, version: 1 },
      context(['front_desk']),
    );
    expect(repair).toMatchObject({
      status: 'scheduled',
      appointment: window,
      technicianId: ulid(4),
      version: 2,
    });
    expect(event.kind === 'case_step' ? event.note : '').toBe(
      `rescheduled to ${window.from}–${window.to} (was 2026-11-28T09:00:00+08:00–2026-11-28T12:00:00+08:00): 客户不在家`,
    );
    const visited = run(scheduled, ['visitFree']);
    expect(
      codeOf(() => applyRepairStep(visited, { ...reschedule, version: visited.version }, context())),
    ).toBe('conflict:repair_stage_not_allowed');
    const mailIn = open('mail_in', true);
    expect(codeOf(() => applyRepairStep(mailIn, { ...reschedule, version: 1 }, context()))).toBe(
      'conflict:repair_stage_not_allowed',
    );
    expect(
      codeOf(() => applyRepairStep(scheduled, { ...reschedule, version: 1 }, context(['complaint_handler']))),
    ).toBe('forbidden:repair_step_not_allowed');
  });

  it('waits on one reminder at a time: the parcel from registration, the quote once quoted, none after', () => {
    const registered = open('mail_in', false);
    expect(repairTimerOf(registered)).toEqual({ stage: 'parcel', dueAt: '2026-12-04T02:00:00.000Z' });
    const received = run(registered, ['receive']);
    expect(repairTimerOf(received)).toBeUndefined();
    const quoted = run(received, ['inspect', 'quote']);
    expect(repairTimerOf(quoted)).toEqual({ stage: 'quote', dueAt: '2026-12-02T01:00:00.000Z' });
    const reminded = markStalled(quoted, now, [ulid(4)]);
    expect(repairTimerOf(reminded)).toBeUndefined();
    expect(reminded.history.at(-1)).toMatchObject({ step: 'stalled_quote', to: 'quoted', by: 'timer' });
    expect(repairTimerOf(run(quoted, ['accept']))).toBeUndefined();
    expect(repairTimerOf(open('on_site', true))).toBeUndefined();
  });

  it('counts days in repair in the store’s local days, from the parcel in to the parcel out', () => {
    const base = run(open('mail_in', true), ['receive', 'inspect', 'ship']);
    const at = (parcelIn: string, parcelOut: string): RepairCase => ({
      ...base,
      parcelIn: { trackingNumber: 'a', by: 'x', at: parcelIn },
      parcelOut: { trackingNumber: 'b', by: 'x', at: parcelOut },
    });
    expect(daysWithRepairer(at('2026-11-01T02:00:00Z', '2026-11-01T09:00:00Z'), 'Asia/Shanghai')).toBe(0);
    // 15:59 UTC is 23:59 in Shanghai; 16:01 UTC is the next local day.
    expect(daysWithRepairer(at('2026-11-01T15:59:00Z', '2026-11-01T16:01:00Z'), 'Asia/Shanghai')).toBe(1);
    expect(daysWithRepairer(at('2026-11-01T02:00:00Z', '2026-11-13T02:00:00Z'), 'Asia/Shanghai')).toBe(12);
  });
  it.each([
    ['on_site', true, [], 'withdraw', 'scheduled'],
    ['on_site', false, [], 'cancel', 'scheduled'],
    ['mail_in', false, [], 'withdraw', 'awaiting_parcel'],
    ['parts', true, [], 'cancel', 'requested'],
    ['parts', true, ['quote'], 'withdraw', 'quoted'],
    ['parts', true, ['quote', 'accept'], 'withdraw', 'paid'],
  ] as const)(
    '%s (in warranty: %s) after %j: %s ends the case cancelled from %s',
    (mode, inWarranty, before, name, from) => {
      const repair = run(open(mode, inWarranty), before);
      const { repair: ended, event } = applyRepairStep(
        repair,
        { ...(steps[name] as Step), version: repair.version } as RecordRepairStepInput,
        context(['front_desk']),
      );
      expect(ended).toMatchObject({
        status: 'cancelled',
        cancelled: { initiator: name === 'withdraw' ? 'customer' : 'staff', by: 'actor' },
        version: repair.version + 1,
      });
      // Not a finished repair: no history for the return rules, no ticket resolution, no reminder left.
      expect(ended.finishedAt).toBeUndefined();
      expect(ended.countsAsRepair).toBeUndefined();
      expect(repairTimerOf(ended)).toBeUndefined();
      expect(event).toMatchObject({ step: name, from, to: 'cancelled' });
    },
  );

  it('a withdrawal after payment marks the payment due back; a technician may record a withdrawal, not cancel', () => {
    const paid = run(open('parts', true), ['quote', 'accept']);
    const { repair, event } = applyRepairStep(
      paid,
      { step: 'withdraw', version: paid.version },
      context(['technician']),
    );
    expect(repair.cancelled).toEqual({
      initiator: 'customer',
      refundDue: { amount: 45_000, currency: 'CNY', method: 'wechat_pay', reference: 'WX1' },
      by: 'actor',
      at: now.toISOString(),
    });
    expect(event.kind === 'case_step' ? event.note : '').toContain('WX1');
    expect(run(open('parts', true), ['withdraw']).cancelled?.refundDue).toBeUndefined();
    expect(
      codeOf(() =>
        applyRepairStep(
          paid,
          { step: 'cancel', reason: '重复', version: paid.version },
          context(['technician']),
        ),
      ),
    ).toBe('forbidden:repair_step_not_allowed');
  });

  it('refund: the payment due back on a cancelled case is recorded paid back, once, by the front desk, for exactly what is due', () => {
    const cancelled = run(open('parts', true), ['quote', 'accept', 'cancel']);
    const refund = (body: Partial<Extract<RecordRepairStepInput, { step: 'refund' }>>, roles: StaffRole[]) =>
      applyRepairStep(
        cancelled,
        {
          step: 'refund',
          amount: 45_000,
          method: 'cash',
          reference: 'RF1',
          version: cancelled.version,
          ...body,
        },
        context(roles),
      );
    expect(codeOf(() => refund({}, ['technician']))).toBe('forbidden:repair_step_not_allowed');
    expect(codeOf(() => refund({}, ['complaint_handler']))).toBe('forbidden:repair_step_not_allowed');
    const thrown = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return error instanceof DomainError ? error : undefined;
      }
      return undefined;
    };
    const refusedAmount = (amount: number) => {
      try {
        refund({ amount }, ['front_desk']);
        return 'accepted';
      } catch (error) {
        return error instanceof DomainError ? error.issues.map((issue) => issue.path) : String(error);
      }
    };
    // Neither less nor more than is due goes on the case as the refund.
    expect([44_999, 45_001, 0].map(refusedAmount)).toEqual([['amount'], ['amount'], ['amount']]);
    // Both sums said in the same money, not one in fen.
    expect(thrown(() => refund({ amount: 44_999 }, ['front_desk']))?.issues[0]?.message).toBe(
      'The refund due is CNY 450.00 (应退金额); CNY 449.99 does not match it.',
    );
    const { repair, event } = refund({ method: 'wechat_pay', reference: 'WX-RF1' }, ['front_desk']);
    expect(repair).toMatchObject({
      status: 'cancelled',
      cancelled: { refundDue: { amount: 45_000, currency: 'CNY', method: 'wechat_pay', reference: 'WX1' } },
      refundPaid: {
        amount: 45_000,
        currency: 'CNY',
        method: 'wechat_pay',
        reference: 'WX-RF1',
        by: 'actor',
        at: now.toISOString(),
      },
      version: cancelled.version + 1,
    });
    expect(repair.history.at(-1)).toMatchObject({ step: 'refund', from: 'cancelled', to: 'cancelled' });
    expect(repair.finishedAt).toBeUndefined();
    expect(event).toMatchObject({ kind: 'case_step', step: 'refund', from: 'cancelled', to: 'cancelled' });
    expect(event.kind === 'case_step' ? event.note : '').toBe(
      'refund paid (已退款): CNY 450.00 by wechat_pay (WX-RF1)',
    );
    expect(refund({}, ['manager']).repair.refundPaid?.by).toBe('actor');
  });

  it('on site out of warranty the customer may refuse the priced work: findings, reason and the fee recorded, nothing repaired', () => {
    const scheduled = open('on_site', false);
    const refuse = (body: Partial<Extract<RecordRepairStepInput, { step: 'decline' }>>) =>
      applyRepairStep(
        scheduled,
        { step: 'decline', version: 1, reason: '维修费太高', findings: '主板烧毁', ...body },
        context(['front_desk']),
      );
    expect(codeOf(() => refuse({}))).toBe('invalid_input:invalid_input');
    const { repair, event } = refuse({
      payment: { amount: 5_000, currency: 'CNY', method: 'cash', reference: 'R5' },
    });
    expect(repair).toMatchObject({
      status: 'declined',
      declined: {
        reason: '维修费太高',
        findings: '主板烧毁',
        inspectionFee: 5_000,
        currency: 'CNY',
        priceListVersion: 3,
      },
      countsAsRepair: false,
    });
    expect(repair.finishedAt).toBe(now.toISOString());
    expect(repairTimerOf(repair)).toBeUndefined();
    expect(event.kind === 'case_step' ? event.note : '').toContain('主板烧毁');
    // In warranty only an exemption found on site makes the work priced, and so refusable.
    const exempt = applyRepairStep(
      open('on_site', true),
      {
        ...(steps.refuseOnSite as Step),
        exemption: 'misuse_or_poor_storage',
        version: 1,
      } as RecordRepairStepInput,
      context(),
    ).repair;
    expect(exempt).toMatchObject({ status: 'declined', charge: 'paid', exemption: 'misuse_or_poor_storage' });
    const mailIn = run(open('mail_in', false), ['receive', 'inspect', 'quote']);
    expect(
      codeOf(() =>
        applyRepairStep(
          mailIn,
          { step: 'decline', version: mailIn.version, reason: 'x', exemption: 'no_invoice' },
          context(),
        ),
      ),
    ).toBe('invalid_input:invalid_input');
  });

  it('an on-site case waits on the visit reminder: a new window re-arms it, even after it reminded; the visit drops it', () => {
    const scheduled = openRepair(
      {
        ticketId: ulid(1),
        customerId: ulid(2),
        purchaseId: ulid(3),
        line: 1,
        mode: 'on_site',
        problem: '无法开机',
        appointment: { from: '2026-11-28T09:00:00+08:00', to: '2026-11-28T12:00:00+08:00' },
        technicianId: ulid(4),
      },
      {
        id: ulid(5),
        storeId: ulid(6),
        itemName: '笔记本电脑',
        warranty: warranty(true),
        visitStallAt: '2026-11-28T06:00:00.000Z',
      },
      'desk',
      now,
    );
    expect(repairTimerOf(scheduled)).toEqual({ stage: 'visit', dueAt: '2026-11-28T06:00:00.000Z' });
    const reminded = markStalled(scheduled, now, [ulid(4)]);
    expect(repairTimerOf(reminded)).toBeUndefined();
    const window = { from: '2026-11-30T14:00:00+08:00', to: '2026-11-30T16:00:00+08:00' };
    const moved = applyRepairStep(
      reminded,
      { step: 'reschedule', appointment: window, version: reminded.version },
      context(),
    ).repair;
    expect(repairTimerOf(moved)).toEqual({ stage: 'visit', dueAt: '2026-11-30T10:00:00.000Z' });
    expect(repairTimerOf(run(moved, ['visitFree']))).toBeUndefined();
    expect(repairTimerOf(run(moved, ['withdraw']))).toBeUndefined();
  });

  it('amounts carry the price list’s currency: quotes and fees in it, a payment in another is refused', () => {
    const hkd = { ...priceList, currency: 'HKD' };
    const inspected = run(open('mail_in', false), ['receive', 'inspect']);
    const quoted = applyRepairStep(
      inspected,
      { ...(steps.quote as Step), version: inspected.version } as RecordRepairStepInput,
      { ...context(), priceList: hkd },
    ).repair;
    expect(quoted.quote).toMatchObject({ total: 45_000, currency: 'HKD' });
    expect(quoted.history.at(-1)?.note).toContain('HKD 450.00');
    const pay = (currency: string) => () =>
      applyRepairStep(
        quoted,
        {
          step: 'accept',
          version: quoted.version,
          payment: { amount: 45_000, currency, method: 'cash', reference: 'R' },
        },
        context(),
      );
    expect(codeOf(pay('CNY'))).toBe('invalid_input:invalid_input');
    expect(pay('HKD')().repair.payment).toMatchObject({ amount: 45_000, currency: 'HKD' });
  });
});

describe('the warranty of a purchase line (warrantyOf)', () => {
  it.each([
    // class months, item months, invoice date, days in repair, today, months, last day, in warranty
    [12, 0, '2025-11-27', 0, '2026-11-27', 12, '2026-11-27', true],
    [12, 0, '2025-11-27', 0, '2026-11-28', 12, '2026-11-27', false],
    [12, 0, '2025-11-27', 10, '2026-12-07', 12, '2026-12-07', true],
    [12, 0, '2025-11-27', 10, '2026-12-08', 12, '2026-12-07', false],
    [12, 24, '2025-01-31', 0, '2027-01-31', 24, '2027-01-31', true],
    [6, 0, '2026-08-31', 0, '2027-02-28', 6, '2027-02-28', true],
    [0, 0, '2026-11-01', 0, '2026-11-02', 0, '2026-11-01', false],
  ] as const)(
    'class %i mo, item %i mo, invoiced %s, %i days in repair, on %s: %i months to %s, in warranty %s',
    (classMonths, itemMonths, invoice, days, today, months, lastDay, inWarranty) => {
      expect(
        warrantyOf({ warrantyMonths: classMonths }, { warrantyMonths: itemMonths }, invoice, days, today),
      ).toEqual({
        months,
        lastDay,
        inWarranty,
      });
    },
  );
});
