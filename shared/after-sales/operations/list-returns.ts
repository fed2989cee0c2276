import { encodeTime } from 'ulidx';
import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { returnCaseEntity } from '../entities';
import type { ReturnCase } from '../model';
import { listReturnCases } from '../repository';
import type { ListReturnsQuery } from '../schema';

/** The largest time a ULID holds; an open-ended range runs to it. */
const maxUlidTime = 2 ** 48 - 1;

/**
 * The register (无理由退货处理汇总表): a store's cases, newest first, optionally in one status and a
 * creation-time range (ULID bounds on the id-sorted views, so it stays one Query).
 */
export async function listReturns(principal: Principal, query: ListReturnsQuery): Promise<Page<ReturnCase>> {
  const { limit, cursor, ...filters } = query;
  assertStoreAccess(principal, query.storeId);
  const from = query.from === undefined ? 0 : Date.parse(query.from);
  const to = query.to === undefined ? maxUlidTime : Date.parse(query.to);
  if (from > to) throw invalidInput([{ in: 'query', path: 'to', message: 'Must not be before from.' }]);
  const values = { tenantId: principal.tenantId, storeId: query.storeId };
  const view = query.status
    ? returnCaseEntity.view('byStoreStatus', { ...values, status: query.status })
    : returnCaseEntity.view('byStore', values);
  const ranged = query.from !== undefined || query.to !== undefined;
  return listReturnCases(
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
