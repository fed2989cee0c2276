import type { Principal } from '../../access/principal';
import { readRepairPriceList } from '../repository';
import type { RepairPriceList } from '../views';

/** The tenant's repair price list (维修价目表); empty, version 0, until an admin saves one. */
export async function getRepairPriceList(principal: Principal): Promise<RepairPriceList> {
  return readRepairPriceList(principal.tenantId);
}
