import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { claimLostItem } from '../../shared/lost-and-found/operations/claim-lost-item';
import { claimLostItemInput, lostItemIdParams } from '../../shared/lost-and-found/schema';

export const handler = authenticatedRoute(
  routes.claimLostItem,
  { params: lostItemIdParams, body: claimLostItemInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await claimLostItem(principal, params.lostItemId, body, now),
  }),
);
