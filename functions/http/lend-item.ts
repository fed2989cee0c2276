import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { lendItem } from '../../shared/lending/operations/lend-item';
import { lendItemInput } from '../../shared/lending/schema';

export const handler = authenticatedRoute(
  routes.lendItem,
  { body: lendItemInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await lendItem(principal, body, now, idempotency),
  }),
);
