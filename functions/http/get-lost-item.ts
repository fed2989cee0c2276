import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getLostItem } from '../../shared/lost-and-found/operations/get-lost-item';
import { lostItemIdParams } from '../../shared/lost-and-found/schema';

export const handler = authenticatedRoute(
  routes.getLostItem,
  { params: lostItemIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getLostItem(principal, params.lostItemId) }),
);
