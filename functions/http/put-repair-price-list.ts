import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { putRepairPriceList } from '../../shared/repairs/operations/put-repair-price-list';
import { putRepairPriceListInput } from '../../shared/repairs/schema';

export const handler = authenticatedRoute(
  routes.putRepairPriceList,
  { body: putRepairPriceListInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await putRepairPriceList(principal, body, now),
  }),
);
