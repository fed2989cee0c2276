import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getRepairPriceList } from '../../shared/repairs/operations/get-repair-price-list';

export const handler = authenticatedRoute(routes.getRepairPriceList, {}, async ({ principal }) => ({
  status: 200,
  body: await getRepairPriceList(principal),
}));
