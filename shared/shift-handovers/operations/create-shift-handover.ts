import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { frontOfficeStore } from '../../front-office/desk';
import { newId } from '../../ids';
import { assertShiftStarted, newShiftHandover, shiftWindow } from '../model';
import { insertShiftHandover } from '../repository';
import type { CreateShiftHandoverInput } from '../schema';
import type { ShiftHandover, ShiftSnapshot } from '../views';

/**
 * Reads the store's open items across the front-office ledgers and tickets. The area does not
 * read other areas: the handler injects the reader (shared/flows/shift-snapshot.ts).
 */
export type ReadShiftSnapshot = (
  tenantId: string,
  store: { readonly id: string; readonly timezone: string },
  now: Date,
) => Promise<ShiftSnapshot>;

/** The outgoing person hands the shift over (前台交班): cash counted, notes, and the open items. */
export async function createShiftHandover(
  principal: Principal,
  input: CreateShiftHandoverInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
  readSnapshot: ReadShiftSnapshot,
): Promise<ShiftHandover> {
  const { store, settings } = await frontOfficeStore(principal, input.storeId);
  const window = shiftWindow(input.shiftDate, input.shiftStart, settings.shifts.starts, store.timezone);
  // Checked before the reads: a refused handover costs no snapshot.
  assertShiftStarted(window, now);
  const handover = newShiftHandover({
    id: newId(now),
    input,
    window,
    snapshot: await readSnapshot(principal.tenantId, store, now),
    actorId: principal.userId,
    now,
  });
  await insertShiftHandover(principal.tenantId, handover, {
    claim: idempotency,
    response: { body: handover },
    now,
  });
  return handover;
}
