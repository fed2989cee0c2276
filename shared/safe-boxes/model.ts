import { DomainError, ruleRefused } from '../errors';
import {
  type CloseSafeBoxInput,
  maxSafeBoxHistory,
  type OpenSafeBoxInput,
  type RecordSafeBoxAccessInput,
} from './schema';
import type { SafeBox, SafeBoxHistoryEntry } from './views';

/** Pure safe-box changes: the card as read, the request, the actor and `now` in. */

export function newSafeBox(fields: {
  id: string;
  input: OpenSafeBoxInput;
  actorId: string;
  now: Date;
}): SafeBox {
  const { input, now } = fields;
  const at = now.toISOString();
  const boxNumber = input.boxNumber.toUpperCase();
  return {
    id: fields.id,
    storeId: input.storeId,
    boxNumber,
    guestName: input.guestName,
    room: input.room,
    idType: input.idType,
    idLast4: input.idLast4.toUpperCase(),
    ...(input.note ? { note: input.note } : {}),
    openedAt: at,
    openedBy: fields.actorId,
    status: 'open',
    accesses: 0,
    history: [
      {
        at,
        by: fields.actorId,
        what: 'opened',
        signatureRef: input.signatureRef,
        detail: `box ${boxNumber}`,
      },
    ],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

const changed = (
  box: SafeBox,
  now: Date,
  changes: Partial<SafeBox>,
  history: SafeBoxHistoryEntry[],
): SafeBox => ({
  ...box,
  ...changes,
  history: [...box.history, ...history],
  updatedAt: now.toISOString(),
  version: box.version + 1,
});

function assertOpen(box: SafeBox): void {
  if (box.status !== 'open') {
    throw new DomainError('conflict', 'safe_box_closed', 'The safe deposit box is closed.');
  }
}

/** One more access, signed by the guest and attended by the actor; room is left for the closing. */
export function applyAccess(
  box: SafeBox,
  input: RecordSafeBoxAccessInput,
  context: { actorId: string; now: Date },
): SafeBox {
  assertOpen(box);
  if (box.history.length >= maxSafeBoxHistory - 2) {
    throw ruleRefused(
      'safe_box_log_full',
      'This card’s access log is full; close the box and open a new card for the guest.',
    );
  }
  const at = context.now.toISOString();
  return changed(box, context.now, { accesses: box.accesses + 1 }, [
    {
      at,
      by: context.actorId,
      what: 'accessed',
      signatureRef: input.signatureRef,
      ...(input.note ? { detail: input.note } : {}),
    },
  ]);
}

/** Closed at check-out; a key not handed back is recorded with the store's fee (fen). */
export function applyClose(
  box: SafeBox,
  input: CloseSafeBoxInput,
  context: { actorId: string; now: Date; lostKeyFee: number },
): SafeBox {
  assertOpen(box);
  const at = context.now.toISOString();
  const history: SafeBoxHistoryEntry[] = [
    {
      at,
      by: context.actorId,
      what: 'closed',
      signatureRef: input.signatureRef,
      ...(input.note ? { detail: input.note } : {}),
    },
  ];
  if (!input.keyReturned) {
    history.push({
      at,
      by: context.actorId,
      what: 'key_not_returned',
      detail: `fee ${context.lostKeyFee} CNY`,
    });
  }
  return changed(
    box,
    context.now,
    {
      status: 'closed',
      closedAt: at,
      ...(input.keyReturned ? {} : { keyNotReturned: { fee: context.lostKeyFee, currency: 'CNY' } }),
    },
    history,
  );
}
