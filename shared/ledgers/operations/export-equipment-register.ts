import type { Principal } from '../../access/principal';
import { listEquipmentOf } from '../../equipment/repository';
import type { ExportRegisterQuery } from '../schema';
import { storeOfLedger } from '../store';
import type { EquipmentRegisterPage } from '../views';

/** 设备管理表: one page of the store's equipment register, in the order the lines were made. */
export async function exportEquipmentRegister(
  principal: Principal,
  query: ExportRegisterQuery,
): Promise<EquipmentRegisterPage> {
  const store = await storeOfLedger(principal, query.storeId);
  const page = await listEquipmentOf(
    principal.tenantId,
    store.storeId,
    { limit: query.limit, cursor: query.cursor },
    { format: query.format },
  );
  return { ...store, items: [...page.items], cursor: page.cursor };
}
