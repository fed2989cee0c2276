import { encodeTime } from 'ulidx';
import { assertStoreAccess, type Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { invalidInput } from '../../errors';
import { compensationClaimEntity } from '../entities';
import { listClaimsInView } from '../repository';
import type { ListCompensationClaimsQuery } from '../schema';
import type { CompensationClaim } from '../views';

/** The largest time a ULID holds; an open-ended period runs to it. */
const maxUlidTime = 2 ** 48 - 1;

/** ULID bounds of a creation-time period (both ends passed the strict 2000–2100 instant schema). */
function idRange(query: ListCompensationClaimsQuery): readonly [string, string] | undefined {
  if (query.from === undefined && query.to === undefined) return undefined;
  const from = query.from === undefined ? 0 : Date.parse(query.from);
  const to = query.to === undefined ? maxUlidTime : Date.parse(query.to);
  if (from > to) throw invalidInput([{ in: 'query', path: 'to', message: 'Must not be before from.' }]);
  return [`${encodeTime(from, 10)}${'0'.repeat(16)}`, `${encodeTime(to, 10)}${'Z'.repeat(16)}`];
}

/** The register (售后服务先行赔偿审批表) of a store for a period, all claims or one status. */
export async function listCompensationClaims(
  principal: Principal,
  query: ListCompensationClaimsQuery,
): Promise<Page<CompensationClaim>> {
  const { limit, cursor, ...filters } = query;
  const storeId = query.storeId ?? (principal.storeIds.length === 1 ? principal.storeIds[0] : undefined);
  if (!storeId)
    throw invalidInput([{ in: 'query', path: 'storeId', message: 'Name the store whose claims to list.' }]);
  assertStoreAccess(principal, storeId);
  const { tenantId } = principal;
  const range = idRange(query);
  const view = query.status
    ? compensationClaimEntity.view('byStoreStatus', { tenantId, storeId, status: query.status })
    : compensationClaimEntity.view('byStore', { tenantId, storeId });
  return listClaimsInView(
    { ...view, ...(range ? { sortKeyBetween: range } : {}) },
    {
      limit,
      cursor,
      newestFirst: query.order === 'newest',
      list: 'compensation-claims',
      filters: { ...filters, storeId },
    },
  );
}
