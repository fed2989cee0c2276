import { encodeTime } from 'ulidx';
import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { complaintEntity } from '../entities';
import { listComplaintCases } from '../repository';
import type { ListComplaintsQuery } from '../schema';
import type { Complaint } from '../views';

/** The largest time a ULID holds; an open-ended period runs to it. */
const maxUlidTime = 2 ** 48 - 1;

/** ULID bounds of a creation-time period (both ends passed the strict 2000–2100 instant schema). */
function idRange(query: ListComplaintsQuery): readonly [string, string] | undefined {
  if (query.from === undefined && query.to === undefined) return undefined;
  const from = query.from === undefined ? 0 : Date.parse(query.from);
  const to = query.to === undefined ? maxUlidTime : Date.parse(query.to);
  if (from > to) throw invalidInput([{ in: 'query', path: 'to', message: 'Must not be before from.' }]);
  return [`${encodeTime(from, 10)}${'0'.repeat(16)}`, `${encodeTime(to, 10)}${'Z'.repeat(16)}`];
}

/**
 * The register (消费者投诉处理登记表) of a store for a period: all cases, or those of one status,
 * one validity, or both; each filter is its own view, so a page is one Query.
 */
export async function listComplaints(
  principal: Principal,
  query: ListComplaintsQuery,
): Promise<Page<Complaint>> {
  const { limit, cursor, ...filters } = query;
  const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
  if (!storeId) {
    throw invalidInput([{ in: 'query', path: 'storeId', message: 'Name the store whose register to list.' }]);
  }
  assertStoreAccess(principal, storeId);
  const values = { tenantId: principal.tenantId, storeId, status: query.status, validity: query.validity };
  const view =
    query.validity && query.status
      ? complaintEntity.view('byCustomer', values)
      : query.validity
        ? complaintEntity.view('byAssignee', values)
        : query.status
          ? complaintEntity.view('byStoreStatus', values)
          : complaintEntity.view('byStore', values);
  const range = idRange(query);
  return listComplaintCases(
    { ...view, ...(range ? { sortKeyBetween: range } : {}) },
    { limit, cursor, newestFirst: query.order === 'newest', filters: { ...filters, storeId } },
  );
}
