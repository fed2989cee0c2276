import type { Principal } from '../../access/principal';
import { compensationClaimEntity } from '../../compensation/entities';
import type { CompensationClaim } from '../../compensation/views';
import { queryEntities } from '../../db/query';
import type { ExportCompensationApprovalsQuery } from '../../exports/schema';
import type { CompensationApprovalsPage } from '../../exports/views';
import { staffNamesByUser } from '../lookups';
import { exportFilters, idsCreatedOn } from '../period';
import { compensationApprovalLineOf } from '../registers/lines';
import { storeOfLedger } from '../store';

/**
 * 售后服务先行赔偿审批表 as a register: one page of a store's claims requested on the local days
 * from–to, oldest first, each with its decisions, payment and recovery; one Query between the
 * period's ULID bounds, then the requesters' and approvers' names once per page.
 */
export async function exportCompensationApprovals(
  principal: Principal,
  query: ExportCompensationApprovalsQuery,
): Promise<CompensationApprovalsPage> {
  const { tenantId } = principal;
  const store = await storeOfLedger(principal, query.storeId);
  const page = await queryEntities<CompensationClaim>({
    ...compensationClaimEntity.view('byStore', { tenantId, storeId: store.storeId }),
    sortKeyBetween: idsCreatedOn(query.from, query.to, store.timezone),
    limit: query.limit,
    cursor: query.cursor,
    list: 'compensation-approvals',
    filters: exportFilters(query),
  });
  const claims = page.items;
  const users = await staffNamesByUser(
    tenantId,
    claims.flatMap((claim) => [
      claim.createdBy,
      ...claim.decisions.map((decision) => decision.by),
      ...(claim.payment ? [claim.payment.paidBy] : []),
    ]),
  );
  const lookups = { timezone: store.timezone, users };
  return {
    ...store,
    from: query.from,
    to: query.to,
    items: claims.map((claim) => compensationApprovalLineOf(claim, lookups)),
    cursor: page.cursor,
  };
}
