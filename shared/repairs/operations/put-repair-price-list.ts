import type { Principal } from '../../access/principal';
import { storeRepairPriceList } from '../repository';
import type { PutRepairPriceListInput } from '../schema';
import type { RepairPriceList } from '../views';

/**
 * Replaces the tenant's price list; `version` is the one read (none for the first save). Quotes,
 * visits and declines keep the version they were priced with.
 */
export async function putRepairPriceList(
  principal: Principal,
  input: PutRepairPriceListInput,
  now: Date,
): Promise<RepairPriceList> {
  const readVersion = input.version ?? 0;
  const saved: RepairPriceList = {
    items: input.items,
    inspectionFee: input.inspectionFee,
    currency: input.currency,
    updatedAt: now.toISOString(),
    version: readVersion + 1,
  };
  await storeRepairPriceList(principal.tenantId, saved, readVersion);
  return saved;
}
