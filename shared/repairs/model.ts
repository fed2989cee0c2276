import type { StaffRole } from '../access/roles';
import { conflict, forbidden, invalidInput } from '../errors';
import type { TimelineEvent } from '../tickets/views';
import { chargeBasis, emptyPriceList, paymentProblems, priceLines } from './pricing';
import type { CreateRepairInput, RecordRepairStepInput, RepairStatus, RepairStep } from './schema';
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

const supervisorsUp: readonly StaffRole[] = ['supervisor', 'manager', 'admin'];

/**
 * Who may record each step besides supervisors and above: the front desk registers and hands
 * over (parcels in and out, the customer's answer and payment); technicians inspect, quote,
 * repair and guide, and may also receive and ship.
 */
export const stepRoles: Readonly<Record<RepairStep, readonly StaffRole[]>> = {
  receive_parcel: ['front_desk', 'technician'],
  inspect: ['technician'],
  quote: ['technician'],
  accept: ['front_desk', 'technician'],
  decline: ['front_desk', 'technician'],
  ship: ['front_desk', 'technician'],
  deliver: ['front_desk', 'technician'],
  guide: ['technician'],
  visit: ['technician'],
  reschedule: ['front_desk', 'technician'],
};

/** Which statuses each step leaves from, per mode, and where it goes. */
type Moves = Partial<Record<RepairStatus, RepairStatus>>;
const moves: Readonly<Record<RepairStep, Readonly<Record<RepairCase['mode'], Moves>>>> = {
  receive_parcel: { on_site: {}, mail_in: { awaiting_parcel: 'received' }, parts: {} },
  // The target for mail-in depends on the charge: see applyRepairStep.
  inspect: { on_site: {}, mail_in: { received: 'inspected' }, parts: {} },
  quote: { on_site: {}, mail_in: { inspected: 'quoted' }, parts: { requested: 'quoted' } },
  accept: { on_site: {}, mail_in: { quoted: 'repairing' }, parts: { quoted: 'paid' } },
  decline: { on_site: {}, mail_in: { quoted: 'declined' }, parts: { quoted: 'declined' } },
  ship: { on_site: {}, mail_in: { repairing: 'shipped', declined: 'shipped' }, parts: { paid: 'shipped' } },
  // A declined mail-in repair reaches the customer as returned_unrepaired: see applyRepairStep.
  deliver: { on_site: {}, mail_in: { shipped: 'delivered' }, parts: { shipped: 'delivered' } },
  guide: { on_site: {}, mail_in: { delivered: 'done' }, parts: { delivered: 'done' } },
  visit: { on_site: { scheduled: 'done' }, mail_in: {}, parts: {} },
  reschedule: { on_site: { scheduled: 'scheduled' }, mail_in: {}, parts: {} },
};

/**
 * The step that finishes a repair: it resolves the ticket and, for a real repair, adds to the
 * item's history. A declined parts quote ends the case there: nothing was taken in, nothing goes back.
 */
export const finishes = (repair: RepairCase, step: RepairStep) =>
  (step === 'deliver' && repair.mode !== 'on_site') ||
  step === 'visit' ||
  (step === 'decline' && repair.mode === 'parts');

export const firstStatus: Readonly<Record<RepairCase['mode'], RepairStatus>> = {
  on_site: 'scheduled',
  mail_in: 'awaiting_parcel',
  parts: 'requested',
};

const dayMs = 86_400_000;

export function openRepair(
  input: CreateRepairInput,
  fields: { id: string; storeId: string; itemName: string; warranty: RepairWarranty },
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

/** The local calendar date of an instant in a time zone. */
const localDate = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(instant),
  );

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
      `Recording ${input.step.replace('_', ' ')} needs one of the roles: ${allowedRoles.join(', ')}.`,
    );
  }
  if (input.step === 'quote' && repair.charge === 'free') {
    // Said before the stage, so the desk hears why rather than only that it cannot.
    throw conflict(
      'repair_stage_not_allowed',
      `A repair in warranty is free: nothing to quote. ${repair.chargeBasis}`,
    );
  }
  let to = moves[input.step][repair.mode][repair.status];
  if (!to) {
    throw conflict(
      'repair_stage_not_allowed',
      `A ${repair.mode.replace('_', '-')} repair that is ${repair.status.replace('_', ' ')} cannot take the step ${input.step}.`,
    );
  }
  const at = context.now.toISOString();
  const by = context.actorId;
  let changes: Partial<RepairCase> = {};
  let note = input.note;
  switch (input.step) {
    case 'receive_parcel':
      changes = { parcelIn: { trackingNumber: input.trackingNumber, by, at } };
      note ??= `received ${input.trackingNumber}`;
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
      note ??= `${input.findings} (${charge === 'free' ? '保修内，免费维修' : '保修外，需报价'})`;
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
      note ??= `quoted ${charges.total} fen: ${charges.lines.map((line) => `${line.name} ×${line.quantity}`).join(', ')}`;
      break;
    }
    case 'accept': {
      const issues = paymentProblems(repair.quote?.total ?? 0, input.payment, 'the quote');
      if (issues.length > 0) throw invalidInput(issues);
      changes = { payment: { ...input.payment, by, at } };
      note ??= `accepted; paid ${input.payment.amount} fen by ${input.payment.method} (${input.payment.reference})`;
      break;
    }
    case 'decline': {
      // 检测费: only goods that were taken in and inspected owe it; a parts purchase owes nothing.
      const priceList = context.priceList ?? emptyPriceList;
      const fee = repair.mode === 'mail_in' ? priceList.inspectionFee : 0;
      const issues = paymentProblems(fee, input.payment, 'the inspection fee (检测费)');
      if (issues.length > 0) throw invalidInput(issues);
      changes = {
        declined: {
          reason: input.reason,
          inspectionFee: fee,
          priceListVersion: priceList.version,
          ...(input.payment ? { payment: input.payment } : {}),
          by,
          at,
        },
      };
      const paid = input.payment
        ? `; inspection fee ${fee} fen paid by ${input.payment.method} (${input.payment.reference})`
        : '';
      note ??=
        repair.mode === 'parts'
          ? `quote declined: ${input.reason}; parts purchase ended`
          : `quote declined: ${input.reason}${paid}; to be returned unrepaired`;
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
      note ??= `shipped ${input.trackingNumber}${repair.declined ? ' (unrepaired)' : ''}`;
      break;
    case 'deliver':
      if (repair.declined) to = 'returned_unrepaired';
      note ??= repair.declined
        ? 'returned to the customer unrepaired (退回未修)'
        : 'delivered to the customer';
      break;
    case 'guide':
      changes = { guidance: { text: input.guidance, by, at } };
      note ??= input.guidance;
      break;
    case 'reschedule': {
      // The operation checked the window against the store's calendar.
      const was = repair.appointment ? `${repair.appointment.from}–${repair.appointment.to}` : 'none';
      changes = { appointment: input.appointment };
      note ??= `rescheduled to ${input.appointment.from}–${input.appointment.to} (was ${was})${input.reason ? `: ${input.reason}` : ''}`;
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
      const issues = paymentProblems(charges.total, input.payment, 'the visit');
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
      note ??= `${input.findings}; ${charges.free ? `free (list ${charges.listTotal} fen)` : `fee ${charges.total} fen`}: ${basis}`;
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
  // A stage that moved on no longer waits on its reminder (the quote step set a new one).
  const waiting = input.step === 'quote' ? moved : dropStall(moved);
  const next = finishes(repair, input.step)
    ? {
        ...waiting,
        finishedAt: at,
        daysInRepair: daysWithRepairer(waiting, context.timeZone ?? 'Asia/Shanghai'),
        countsAsRepair: repair.mode !== 'parts' && !repair.declined,
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
