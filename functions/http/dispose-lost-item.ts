import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { disposeLostItem } from '../../shared/lost-and-found/operations/dispose-lost-item';
import { disposeLostItemInput, lostItemIdParams } from '../../shared/lost-and-found/schema';

export const handler = authenticatedRoute(
  routes.disposeLostItem,
  { params: lostItemIdParams, body: disposeLostItemInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await disposeLostItem(principal, params.lostItemId, body, now),
  }),
);
