import { encodeTime } from 'ulidx';
import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { repairCaseEntity } from '../entities';
import type { RepairCase } from '../model';
import { listRepairCases } from '../repository';
import type { ListRepairsQuery } from '../schema';

/** The largest time a ULID holds; an open-ended range runs to it. */
const maxUlidTime = 2 ** 48 - 1;

/**
 * The register (维修登记表): a store's cases, newest first, optionally in one status and a
 * creation-time range (ULID bounds on the id-sorted views, so it stays one Query).
 */
export async function listRepairs(principal: Principal, query: ListRepairsQuery): Promise<Page<RepairCase>> {
  const { limit, cursor, ...filters } = query;
  assertStoreAccess(principal, query.storeId);
  const from = query.from === undefined ? 0 : Date.parse(query.from);
  const to = query.to === undefined ? maxUlidTime : Date.parse(query.to);
  if (from > to) throw invalidInput([{ in: 'query', path: 'to', message: 'Must not be before from.' }]);
  const values = { tenantId: principal.tenantId, storeId: query.storeId };
  const view = query.status
    ? repairCaseEntity.view('byStoreStatus', { ...values, status: query.status })
    : repairCaseEntity.view('byStore', values);
  const ranged = query.from !== undefined || query.to !== undefined;
  return listRepairCases(
    {
      ...view,
      ...(ranged
        ? {
            sortKeyBetween: [
              `${encodeTime(from, 10)}${'0'.repeat(16)}`,
              `${encodeTime(to, 10)}${'Z'.repeat(16)}`,
            ],
          }
        : {}),
    },
    { limit, cursor, filters },
  );
}
