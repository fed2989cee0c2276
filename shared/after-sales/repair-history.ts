import { atVersion, getEntity, putEntity } from '../db/items';
import type { TransactionItem } from '../db/transactions';
import { returnTallyEntity } from './entities';
import { addRepair, type ReturnTally } from './model';

/*
 * A finished repair adds to its purchase line's history, kept on the purchase's after-sales
 * tally that the return rules already read. Apart from ./repository.ts so the repair handlers
 * do not carry the after-sales policy schema.
 */
export async function repairHistoryWrites(
  tenantId: string,
  repair: { id: string; purchaseId: string; customerId: string; line: number; daysInRepair: number },
): Promise<TransactionItem[]> {
  const tally: ReturnTally = (await getEntity(returnTallyEntity, {
    tenantId,
    purchaseId: repair.purchaseId,
  })) ?? {
    purchaseId: repair.purchaseId,
    customerId: repair.customerId,
    lines: {},
    version: 0,
  };
  const added = addRepair(tally, repair.line, repair);
  return added === tally ? [] : [putEntity(returnTallyEntity, tenantId, added, atVersion(tally.version))];
}
