import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { ruleRefused } from '../../errors';
import { frontOfficeStore } from '../../front-office/desk';
import { newId } from '../../ids';
import { newLostItem } from '../model';
import { lostItemWrites, saveLostItems } from '../repository';
import type { RecordFoundItemInput } from '../schema';
import type { LostItem } from '../views';

/** Records a guest's item found (宾客遗留物品), kept for its category's retention, with its reminder. */
export async function recordFoundItem(
  principal: Principal,
  input: RecordFoundItemInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<LostItem> {
  const { store, settings } = await frontOfficeStore(principal, input.storeId);
  if (Date.parse(input.foundAt) > now.getTime()) {
    throw ruleRefused('found_in_future', '`foundAt` lies in the future.');
  }
  const item = newLostItem({
    id: newId(now),
    input,
    retention: settings.lostAndFound.retention[input.category],
    timezone: store.timezone,
    actorId: principal.userId,
    now,
  });
  await saveLostItems(principal.tenantId, lostItemWrites(principal.tenantId, item), {
    claim: idempotency,
    response: { body: item },
    now,
  });
  return item;
}
