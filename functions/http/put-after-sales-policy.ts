import { putAfterSalesPolicy } from '../../shared/after-sales/operations/put-after-sales-policy';
import { putAfterSalesPolicyInput } from '../../shared/after-sales/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.putAfterSalesPolicy,
  { body: putAfterSalesPolicyInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await putAfterSalesPolicy(principal, body, now),
  }),
);
