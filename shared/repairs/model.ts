import type { StaffRole } from '../access/roles';
import { conflict, forbidden, invalidInput } from '../errors';
import type { TimelineEvent } from '../tickets/views';
import { localDate } from '../time/local-days';
import { chargeBasis, emptyPriceList, paymentProblems, priceLines } from './pricing';
import type { CreateRepairInput, RecordRepairStepInput, RepairStatus, RepairStep } from './schema';
import { money, say } from './texts';
import type { RepairCase, RepairPriceList, RepairWarranty } from './views';

/*
 * The repair case and its stage machine (see ./schema.ts for the stages of each mode). Pure: each
 * step takes the case as read, the actor and `now`, and returns the new case and the ticket event.
 */

export type { RepairCase, RepairWarranty } from './views';

/** Days a parcel may be awaited before the assignee is reminded. */
export const parcelStallDays = 7;
/** Working days (store calendar) a quote may go unanswered before the assignee is reminded. */
export const quoteStallWorkingDays = 3;
/**
 * Business minutes (store calendar) after an on-site window ends before a visit never recorded
 * reminds: technicians run late and often record the visit back at the store, and counting store
 * hours means a window ending at closing time reminds the next morning, not at night.
 */
export const visitGraceMinutes = 120;

const supervisorsUp: readonly StaffRole[] = ['supervisor', 'manager', 'admin'];

/**
 * Who may record each step besides supervisors and above: the front desk registers and hands
 * over (parcels in and out, the customer's answer and payment, a withdrawal or a cancellation);
 * paying money back (a refund) is the front desk's, as cancelling is;
 * technicians inspect, quote, repair and guide, and may also receive and ship.
 */
const desk: readonly StaffRole[] = ['front_desk', 'technician'];
const tech: readonly StaffRole[] = ['technician'];
export const stepRoles: Readonly<Record<RepairStep, readonly StaffRole[]>> = {
  receive_parcel: desk,
  inspect: tech,
  quote: tech,
  accept: desk,
  decline: desk,
  ship: desk,
  deliver: desk,
  guide: tech,
  visit: tech,
  reschedule: desk,
  withdraw: desk,
  cancel: ['front_desk'],
  refund: ['front_desk'],
};

/**
 * Where each step goes from each status, per mode (withdraw and cancel: see `cancellable`; a
 * refund keeps a cancelled case cancelled).
 */
type Moves = Partial<Record<RepairStatus, RepairStatus>>;
const moves: Readonly<Record<RepairCase['mode'], Partial<Record<RepairStep, Moves>>>> = {
  on_site: {
    visit: { scheduled: 'done' },
    reschedule: { scheduled: 'scheduled' },
    decline: { scheduled: 'declined' },
  },
  // The target of inspect depends on the charge, that of deliver on a decline: see applyRepairStep.
  mail_in: {
    receive_parcel: { awaiting_parcel: 'received' },
    inspect: { received: 'inspected' },
    quote: { inspected: 'quoted' },
    accept: { quoted: 'repairing' },
    decline: { quoted: 'declined' },
    ship: { repairing: 'shipped', declined: 'shipped' },
    deliver: { shipped: 'delivered' },
    guide: { delivered: 'done' },
  },
  parts: {
    quote: { requested: 'quoted' },
    accept: { quoted: 'paid' },
    decline: { quoted: 'declined' },
    ship: { paid: 'shipped' },
    deliver: { shipped: 'delivered' },
    guide: { delivered: 'done' },
  },
};

/**
 * Where a case may be withdrawn or cancelled: while the store holds none of the customer's goods
 * and no work is done. Once a mail-in parcel is in, the goods go back through the decline path
 * (or are repaired); a shipped part is the customer's.
 */
const cancellable: Readonly<Record<RepairCase['mode'], readonly RepairStatus[]>> = {
  on_site: ['scheduled'],
  mail_in: ['awaiting_parcel'],
  parts: ['requested', 'quoted', 'paid'],
};

const target = (repair: RepairCase, step: RepairStep): RepairStatus | undefined =>
  step === 'withdraw' || step === 'cancel'
    ? cancellable[repair.mode].includes(repair.status)
      ? 'cancelled'
      : undefined
    : step === 'refund'
      ? repair.status === 'cancelled'
        ? 'cancelled'
        : undefined
      : moves[repair.mode][step]?.[repair.status];

/**
 * The step that finishes a repair: it resolves the ticket and, for a real repair, adds to the
 * item's history. A declined parts quote ends the case there (nothing was taken in, nothing goes
 * back), and so does an on-site visit whose priced work the customer refused.
 */
export const finishes = (repair: RepairCase, step: RepairStep) =>
  (step === 'deliver' && repair.mode !== 'on_site') ||
  step === 'visit' ||
  (step === 'decline' && repair.mode !== 'mail_in');

export const firstStatus: Readonly<Record<RepairCase['mode'], RepairStatus>> = {
  on_site: 'scheduled',
  mail_in: 'awaiting_parcel',
  parts: 'requested',
};

const dayMs = 86_400_000;

export function openRepair(
  input: CreateRepairInput,
  fields: {
    id: string;
    storeId: string;
    itemName: string;
    warranty: RepairWarranty;
    /** on_site: when a visit never recorded reminds (the window's end + the grace, store hours). */
    visitStallAt?: string;
  },
  actorId: string,
  now: Date,
): RepairCase {
  const at = now.toISOString();
  const status = firstStatus[input.mode];
  const free = fields.warranty.inWarranty && input.mode !== 'parts';
  const charge = free ? 'free' : 'paid';
  return {
    id: fields.id,
    ticketId: input.ticketId,
    storeId: fields.storeId,
    customerId: input.customerId,
    purchaseId: input.purchaseId,
    line: input.line,
    itemName: fields.itemName,
    mode: input.mode,
    problem: input.problem,
    status,
    warranty: fields.warranty,
    charge,
    chargeBasis: chargeBasis({ mode: input.mode, charge, warranty: fields.warranty }),
    ...(input.appointment ? { appointment: input.appointment } : {}),
    ...(input.technicianId ? { technicianId: input.technicianId } : {}),
    ...(input.mode === 'mail_in'
      ? { stall: { stage: 'parcel', dueAt: new Date(now.getTime() + parcelStallDays * dayMs).toISOString() } }
      : {}),
    ...(fields.visitStallAt ? { stall: { stage: 'visit', dueAt: fields.visitStallAt } } : {}),
    history: [{ step: 'registered', to: status, by: actorId, at }],
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

export interface StepContext {
  readonly actorId: string;
  readonly roles: readonly StaffRole[];
  readonly eventId: string;
  readonly now: Date;
  /** When an unanswered quote reminds (3 working days on the store's calendar); needed for `quote`. */
  readonly quoteStallAt?: string;
  /** When a visit never recorded reminds (the new window's end + the grace); needed for `reschedule`. */
  readonly visitStallAt?: string;
  /** The store's time zone: days in repair are its local days. */
  readonly timeZone?: string;
  /** The tenant's price list: quotes, visits and declines are priced from it. */
  readonly priceList?: RepairPriceList;
}

export function repairEvent(
  repair: Pick<RepairCase, 'id' | 'ticketId'>,
  step: string,
  from: RepairStatus | undefined,
  to: RepairStatus,
  context: Pick<StepContext, 'actorId' | 'eventId' | 'now'>,
  note?: string,
): TimelineEvent {
  return {
    id: context.eventId,
    ticketId: repair.ticketId,
    kind: 'case_step',
    caseKind: 'repair',
    caseId: repair.id,
    step,
    ...(from ? { from } : {}),
    to,
    ...(note ? { note } : {}),
    actorId: context.actorId,
    at: context.now.toISOString(),
  };
}

/**
 * Days the goods were with the repairer (修理占用天数): local calendar days from the parcel's
 * arrival to its shipping back, so a repair shipped back the day it arrived took 0 days.
 */
export function daysWithRepairer(repair: RepairCase, timeZone: string): number {
  if (!repair.parcelIn || !repair.parcelOut) return 0;
  const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
  return Math.max(
    0,
    days(localDate(repair.parcelOut.at, timeZone)) - days(localDate(repair.parcelIn.at, timeZone)),
  );
}

/** Applies one step; 403 for a role the step does not take, 409 for a step the stage does not allow. */
export function applyRepairStep(
  repair: RepairCase,
  input: RecordRepairStepInput,
  context: StepContext,
): { repair: RepairCase; event: TimelineEvent } {
  const allowedRoles = [...stepRoles[input.step], ...supervisorsUp];
  if (!context.roles.some((role) => allowedRoles.includes(role))) {
    throw forbidden(
      'repair_step_not_allowed',
      say('roleNeeded', { step: input.step, roles: allowedRoles.join(', ') }),
    );
  }
  if (input.step === 'quote' && repair.charge === 'free') {
    // Said before the stage, so the desk hears why rather than only that it cannot.
    throw conflict('repair_stage_not_allowed', say('nothingToQuote', { basis: repair.chargeBasis }));
  }
  let to = target(repair, input.step);
  if (!to) {
    throw conflict(
      'repair_stage_not_allowed',
      say('stageNotAllowed', { mode: repair.mode, status: repair.status, step: input.step }),
    );
  }
  const at = context.now.toISOString();
  const by = context.actorId;
  let changes: Partial<RepairCase> = {};
  let note = input.note;
  switch (input.step) {
    case 'receive_parcel':
      changes = { parcelIn: { trackingNumber: input.trackingNumber, by, at } };
      note ??= say('received', { tracking: input.trackingNumber });
      break;
    case 'inspect': {
      const charge = repair.charge === 'free' && !input.exemption ? 'free' : 'paid';
      // In warranty the repair starts at once; out of warranty it waits for a quote.
      to = charge === 'free' ? 'repairing' : 'inspected';
      const exemption = input.exemption ?? repair.exemption;
      changes = {
        inspection: { findings: input.findings, by, at },
        charge,
        chargeBasis: chargeBasis({ ...repair, charge, ...(exemption ? { exemption } : {}) }),
        ...(input.exemption ? { exemption: input.exemption } : {}),
      };
      note ??= say(charge === 'free' ? 'inspectedFree' : 'inspectedPaid', input);
      break;
    }
    case 'quote': {
      if (!context.quoteStallAt) throw new Error('quote needs quoteStallAt');
      const charges = priceLines(
        context.priceList ?? emptyPriceList,
        input.lines,
        { free: false, basis: repair.chargeBasis },
        'lines',
      );
      changes = {
        quote: { ...charges, ...(input.description ? { description: input.description } : {}), by, at },
        stall: { stage: 'quote', dueAt: context.quoteStallAt },
      };
      note ??= say('quoted', {
        total: money(charges.total, charges.currency),
        lines: charges.lines.map((line) => `${line.name} ×${line.quantity}`).join(', '),
      });
      break;
    }
    case 'accept': {
      const issues = paymentProblems(
        { amount: repair.quote?.total ?? 0, currency: repair.quote?.currency ?? 'CNY' },
        input.payment,
        'the quote',
      );
      if (issues.length > 0) throw invalidInput(issues);
      changes = { payment: { ...input.payment, by, at } };
      note ??= say('accepted', {
        ...input.payment,
        amount: money(input.payment.amount, input.payment.currency),
      });
      break;
    }
    case 'decline': {
      const onSite = repair.mode === 'on_site';
      if (onSite !== (input.findings !== undefined) || (!onSite && input.exemption)) {
        throw invalidInput([
          {
            in: 'body',
            path: input.exemption && !onSite ? 'exemption' : 'findings',
            message: say(onSite ? 'findingsOnSite' : 'onSiteOnly'),
          },
        ]);
      }
      const charge = repair.charge === 'free' && !input.exemption ? 'free' : 'paid';
      if (charge === 'free') {
        throw conflict('repair_stage_not_allowed', say('nothingToRefuse', { basis: repair.chargeBasis }));
      }
      // 检测费: goods inspected, or a visit made, owe it; a parts purchase owes nothing.
      const priceList = context.priceList ?? emptyPriceList;
      const fee = repair.mode === 'parts' ? 0 : priceList.inspectionFee;
      const currency = priceList.currency;
      const issues = paymentProblems({ amount: fee, currency }, input.payment, 'the inspection fee (检测费)');
      if (issues.length > 0) throw invalidInput(issues);
      const exemption = input.exemption ?? repair.exemption;
      changes = {
        ...(onSite
          ? {
              charge,
              chargeBasis: chargeBasis({ ...repair, charge, ...(exemption ? { exemption } : {}) }),
              ...(input.exemption ? { exemption: input.exemption } : {}),
            }
          : {}),
        declined: {
          reason: input.reason,
          ...(input.findings ? { findings: input.findings } : {}),
          inspectionFee: fee,
          currency,
          priceListVersion: priceList.version,
          ...(input.payment ? { payment: input.payment } : {}),
          by,
          at,
        },
      };
      const paid = input.payment ? say('feePaid', { ...input.payment, fee: money(fee, currency) }) : '';
      note ??= say(repair.mode === 'parts' ? 'declinedParts' : onSite ? 'declinedOnSite' : 'declinedMailIn', {
        reason: input.reason,
        findings: input.findings ?? '',
        paid,
      });
      break;
    }
    case 'withdraw':
    case 'cancel': {
      // A payment taken (a paid parts order) is due back: marked here, refunded outside the case.
      const refundDue = repair.payment
        ? {
            amount: repair.payment.amount,
            currency: repair.payment.currency ?? 'CNY',
            method: repair.payment.method,
            reference: repair.payment.reference,
          }
        : undefined;
      changes = {
        cancelled: {
          initiator: input.step === 'withdraw' ? 'customer' : 'staff',
          ...(input.reason ? { reason: input.reason } : {}),
          ...(refundDue ? { refundDue } : {}),
          by,
          at,
        },
      };
      note ??= say(input.step, {
        reason: input.reason ? `: ${input.reason}` : '',
        refund: refundDue
          ? say('refundDue', { ...refundDue, amount: money(refundDue.amount, refundDue.currency) })
          : '',
      });
      break;
    }
    case 'refund': {
      const due = repair.cancelled?.refundDue;
      if (!due) throw conflict('repair_refund_not_due', say('noRefundDue'));
      if (repair.refundPaid) {
        const paid = repair.refundPaid;
        throw conflict(
          'repair_refund_paid',
          say('refundPaidAlready', { ...paid, amount: money(paid.amount, paid.currency) }),
        );
      }
      const owed = money(due.amount, due.currency);
      if (input.amount !== due.amount) {
        throw invalidInput([
          {
            in: 'body',
            path: 'amount',
            message: say('refundAmount', { owed, amount: money(input.amount, due.currency) }),
          },
        ]);
      }
      // Paid back what was due, in its currency, by whatever means the desk used.
      const refund = { ...due, method: input.method, reference: input.reference };
      changes = { refundPaid: { ...refund, by, at } };
      note ??= say('refunded', { ...refund, amount: owed });
      break;
    }
    case 'ship':
      changes = {
        parcelOut: {
          trackingNumber: input.trackingNumber,
          ...(input.carrier ? { carrier: input.carrier } : {}),
          by,
          at,
        },
      };
      note ??= say(repair.declined ? 'shippedUnrepaired' : 'shipped', { tracking: input.trackingNumber });
      break;
    case 'deliver':
      if (repair.declined) to = 'returned_unrepaired';
      note ??= say(repair.declined ? 'returnedUnrepaired' : 'delivered');
      break;
    case 'guide':
      changes = { guidance: { text: input.guidance, by, at } };
      note ??= input.guidance;
      break;
    case 'reschedule': {
      // The operation checked the window against the store's calendar.
      const was = repair.appointment ? `${repair.appointment.from}–${repair.appointment.to}` : 'none';
      if (!context.visitStallAt) throw new Error('reschedule needs visitStallAt');
      // A new window re-arms the reminder of a visit never recorded, even one that already reminded.
      changes = { appointment: input.appointment, stall: { stage: 'visit', dueAt: context.visitStallAt } };
      note ??= say('rescheduled', {
        ...input.appointment,
        was,
        reason: input.reason ? `: ${input.reason}` : '',
      });
      break;
    }
    case 'visit': {
      const charge = repair.charge === 'free' && !input.exemption ? 'free' : 'paid';
      const exemption = input.exemption ?? repair.exemption;
      const basis = chargeBasis({ ...repair, charge, ...(exemption ? { exemption } : {}) });
      const charges = priceLines(
        context.priceList ?? emptyPriceList,
        input.lines,
        { free: charge === 'free', basis },
        'lines',
      );
      const issues = paymentProblems(
        { amount: charges.total, currency: charges.currency },
        input.payment,
        'the visit',
      );
      if (issues.length > 0) throw invalidInput(issues);
      changes = {
        charge,
        chargeBasis: basis,
        ...(input.exemption ? { exemption: input.exemption } : {}),
        visit: {
          findings: input.findings,
          labourMinutes: input.labourMinutes,
          charges,
          ...(input.payment ? { payment: input.payment } : {}),
          by,
          at,
        },
      };
      note ??= say(charges.free ? 'visitFree' : 'visitPaid', {
        findings: input.findings,
        listTotal: money(charges.listTotal, charges.currency),
        total: money(charges.total, charges.currency),
        basis,
      });
      break;
    }
  }
  const moved: RepairCase = {
    ...repair,
    ...changes,
    status: to,
    history: [
      ...repair.history,
      { step: input.step, from: repair.status, to, by, at, ...(note ? { note } : {}) },
    ],
    updatedAt: at,
    version: repair.version + 1,
  };
  // A stage that moved on no longer waits on its reminder (a quote or a new window set a new one).
  const waiting = input.step === 'quote' || input.step === 'reschedule' ? moved : dropStall(moved);
  const next = finishes(repair, input.step)
    ? {
        ...waiting,
        finishedAt: at,
        daysInRepair: daysWithRepairer(waiting, context.timeZone ?? 'Asia/Shanghai'),
        // A repair done on site or goods back repaired; not a parts purchase, nor a refusal.
        countsAsRepair: repair.mode !== 'parts' && !waiting.declined,
      }
    : waiting;
  return { repair: next, event: repairEvent(repair, input.step, repair.status, to, context, note) };
}

function dropStall(repair: RepairCase): RepairCase {
  const { stall: _stall, ...rest } = repair;
  return rest;
}

/** The reminder timer a case wants now: its stalled-stage reminder until it has reminded. */
export function repairTimerOf(repair: RepairCase): { stage: string; dueAt: string } | undefined {
  return repair.stall && !repair.stall.remindedAt
    ? { stage: repair.stall.stage, dueAt: repair.stall.dueAt }
    : undefined;
}

/** The stalled stage reminded its assignee: recorded once on the case. */
export function markStalled(repair: RepairCase, now: Date, notified: readonly string[]): RepairCase {
  const at = now.toISOString();
  if (!repair.stall) return repair;
  return {
    ...repair,
    stall: { ...repair.stall, remindedAt: at },
    history: [
      ...repair.history,
      {
        step: `stalled_${repair.stall.stage}`,
        from: repair.status,
        to: repair.status,
        by: 'timer',
        at,
        note: notified.length > 0 ? `reminded ${notified.join(', ')}` : 'no assignee to remind',
      },
    ],
    updatedAt: at,
    version: repair.version + 1,
  };
}
