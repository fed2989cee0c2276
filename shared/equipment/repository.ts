import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import { type CreateRemembered, writeVersioned } from '../db/transactions';
import { equipmentEntity } from './entities';
import type { Equipment } from './views';

export async function findEquipment(tenantId: string, id: string): Promise<Equipment | undefined> {
  return getEntity(equipmentEntity, { tenantId, id });
}

/** Writes a register line: new (with the idempotency record of its create) or at the version read. */
export async function saveEquipment(
  tenantId: string,
  equipment: Equipment,
  readVersion: number,
  remembered?: CreateRemembered,
): Promise<void> {
  await writeVersioned(
    tenantId,
    [putEntity(equipmentEntity, tenantId, equipment, readVersion === 0 ? isNew : atVersion(readVersion))],
    'equipment',
    remembered,
  );
}

/** One page of a store's register, in the order the lines were made. */
export async function listEquipmentOf(
  tenantId: string,
  storeId: string,
  page: { limit: number; cursor?: string | undefined },
  /** What else the caller asked (an export's format): the cursor is bound to it too. */
  asked: Readonly<Record<string, string>> = {},
): Promise<Page<Equipment>> {
  return queryEntities<Equipment>({
    ...equipmentEntity.view('byStore', { tenantId, storeId }),
    ...page,
    list: 'equipment',
    filters: { storeId, ...asked },
  });
}
