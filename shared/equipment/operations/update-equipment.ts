import { assertStoreAccess, type Principal } from '../../access/principal';
import { invalidInput, notFound, versionConflict } from '../../errors';
import { findEquipment, saveEquipment } from '../repository';
import { datesInOrder, type UpdateEquipmentInput } from '../schema';
import type { Equipment } from '../views';

/**
 * Issues, takes back or corrects a register line at the version read. `null` clears a field;
 * the dates must still read in order once the change is applied.
 */
export async function updateEquipment(
  principal: Principal,
  equipmentId: string,
  input: UpdateEquipmentInput,
  now: Date,
): Promise<Equipment> {
  const equipment = await findEquipment(principal.tenantId, equipmentId);
  if (!equipment) throw notFound('equipment');
  assertStoreAccess(principal, equipment.storeId);
  if (equipment.version !== input.version) throw versionConflict('equipment');
  const { version, ...changes } = input;
  const next: Record<string, unknown> = { ...equipment, updatedAt: now.toISOString(), version: version + 1 };
  for (const [field, value] of Object.entries(changes)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  const updated = next as Equipment;
  if (!datesInOrder(updated)) {
    throw invalidInput([
      { in: 'body', path: 'returnedOn', message: 'returnedOn needs an issuedOn on or before it.' },
    ]);
  }
  await saveEquipment(principal.tenantId, updated, equipment.version);
  return updated;
}
