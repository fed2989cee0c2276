import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { storeOfCaller } from '../../stores/store-access';
import { wakeUpCallsOfDay } from '../repository';
import type { ListWakeUpCallsQuery } from '../schema';
import type { WakeUpCall } from '../views';

/** The store's wake-up calls of one day in its zone, by time: the day's 叫醒服务记录表. */
export async function listWakeUpCalls(
  principal: Principal,
  query: ListWakeUpCallsQuery,
): Promise<Page<WakeUpCall>> {
  await storeOfCaller(principal, query.storeId);
  return wakeUpCallsOfDay(principal.tenantId, query.storeId, query.date, {
    limit: query.limit,
    cursor: query.cursor,
  });
}
