import { getAfterSalesPolicy } from '../../shared/after-sales/operations/get-after-sales-policy';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(routes.getAfterSalesPolicy, {}, async ({ principal }) => ({
  status: 200,
  body: await getAfterSalesPolicy(principal),
}));
