import type { Principal } from '../../access/principal';
import { readAfterSalesPolicy } from '../repository';
import type { AfterSalesPolicy } from '../schema';

/** The tenant's after-sales policy; the defaults of the domain file (version 0) until an admin saves one. */
export async function getAfterSalesPolicy(principal: Principal): Promise<AfterSalesPolicy> {
  return readAfterSalesPolicy(principal.tenantId);
}
