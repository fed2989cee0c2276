import type { Purchase } from '../customers/views';
import { withoutKeys } from '../db/entity';
import { getEntity } from '../db/items';
import { queryAll } from '../db/query';
import { departmentEntity } from '../departments/entities';
import type { Department } from '../departments/views';
import { merchantEntity } from '../merchants/entities';
import type { Merchant } from '../merchants/views';
import { afterSalesTypes, serviceCenterReason } from './dispatch';
import type { TicketType } from './schema';

/*
 * 撤场商家的售后管理: once a merchant has left the mall, after-sales of its goods (returns,
 * exchanges, repairs) fall to the store's service center, and the mall recovers what it pays from
 * the held deposit. A merchant still in its notice period (exiting) trades and answers for its own
 * goods, so only `exited` routes here.
 */

export interface ServiceCenterRoute {
  readonly reason: 'merchant_exited';
  readonly merchant: Pick<Merchant, 'id' | 'name'>;
  /** The store's departments marked as its service center; none: the store's own queue. */
  readonly departmentIds: readonly string[];
  /** Their members, the only staff dispatch may hand the ticket to. */
  readonly staffIds: readonly string[];
}

/** The route of a new ticket about this purchase: the service center when its merchant has exited. */
export async function serviceCenterRoute(
  tenantId: string,
  type: TicketType,
  purchase: Pick<Purchase, 'merchantId' | 'storeId'> | undefined,
): Promise<ServiceCenterRoute | undefined> {
  if (!purchase?.merchantId || !afterSalesTypes.includes(type)) return undefined;
  const merchant = await getEntity(
    merchantEntity,
    { tenantId, id: purchase.merchantId },
    { consistent: false },
  );
  const reason = serviceCenterReason(type, merchant);
  if (!merchant || !reason) return undefined;
  // A store has a handful of departments: one small partition.
  const centers = (
    await queryAll(departmentEntity.view('byStore', { tenantId, scope: purchase.storeId }), 200)
  )
    .map((item) => withoutKeys<Department>(item))
    .filter((department) => department.serviceCenter === true);
  return {
    reason,
    merchant: { id: merchant.id, name: merchant.name },
    departmentIds: centers.map((department) => department.id),
    staffIds: [...new Set(centers.flatMap((department) => department.members))],
  };
}
