import { canActInStore, type Principal } from '../../access/principal';
import { findCustomer } from '../../customers/repository';
import type { Page } from '../../db/cursor';
import { notFound } from '../../errors';
import { revisitEntity } from '../entities';
import { listRevisitsInView } from '../repository';
import type { Revisit } from '../views';

/** A customer's revisits, newest due first: their 回访 history. Other stores' are hidden from store staff. */
export async function listCustomerRevisits(
  principal: Principal,
  customerId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<Revisit>> {
  if (!(await findCustomer(principal.tenantId, customerId))) throw notFound('customer');
  const result = await listRevisitsInView(
    revisitEntity.view('byCustomer', { tenantId: principal.tenantId, customerId }),
    { ...page, newestFirst: true, list: 'customer-revisits', filters: { customerId } },
  );
  return {
    items: result.items.filter((revisit) => canActInStore(principal, revisit.storeId)),
    cursor: result.cursor,
  };
}
