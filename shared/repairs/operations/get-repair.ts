import { assertStoreAccess, type Principal } from '../../access/principal';
import { notFound } from '../../errors';
import type { RepairCase } from '../model';
import { findRepairCase } from '../repository';

export async function getRepair(principal: Principal, repairId: string): Promise<RepairCase> {
  const repair = await findRepairCase(principal.tenantId, repairId);
  if (!repair) throw notFound('repair');
  assertStoreAccess(principal, repair.storeId);
  return repair;
}
