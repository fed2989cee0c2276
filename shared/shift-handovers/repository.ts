import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
  writeVersioned,
} from '../db/transactions';
import { conflict } from '../errors';
import { shiftHandoverEntity, shiftHandoverSlotEntity } from './entities';
import type { ShiftHandover } from './views';

/** A new handover takes its shift's slot first (condition 0), so a second one for the shift is a 409. */
export async function insertShiftHandover(
  tenantId: string,
  handover: ShiftHandover,
  remembered: CreateRemembered,
): Promise<void> {
  const slot = {
    storeId: handover.storeId,
    shiftStartsAt: handover.shiftStartsAt,
    shiftHandoverId: handover.id,
  };
  try {
    await writeTransaction(
      tenantId,
      [
        putEntity(shiftHandoverSlotEntity, tenantId, slot, isNew),
        putEntity(shiftHandoverEntity, tenantId, handover, isNew),
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) {
      throw conflict('shift_handover_exists', 'This shift has already been handed over.');
    }
    throw error;
  }
}

/** A change of a handover, at the version it was read. */
export async function saveShiftHandover(tenantId: string, handover: ShiftHandover, before: ShiftHandover) {
  const items: TransactionItem[] = [
    putEntity(shiftHandoverEntity, tenantId, handover, atVersion(before.version)),
  ];
  await writeVersioned(tenantId, items, 'shift handover');
}

export async function findShiftHandover(tenantId: string, id: string): Promise<ShiftHandover | undefined> {
  return getEntity(shiftHandoverEntity, { tenantId, id });
}

/** A store's handovers in one status, the latest shift first. */
export async function shiftHandoversOfStore(
  tenantId: string,
  storeId: string,
  status: ShiftHandover['status'],
  page: { limit: number; cursor: string | undefined },
): Promise<Page<ShiftHandover>> {
  return queryEntities<ShiftHandover>({
    ...shiftHandoverEntity.view('byStoreStatus', { tenantId, storeId, status }),
    list: 'shift-handovers',
    filters: { storeId, status },
    newestFirst: true,
    ...page,
  });
}
