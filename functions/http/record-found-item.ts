import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { recordFoundItem } from '../../shared/lost-and-found/operations/record-found-item';
import { recordFoundItemInput } from '../../shared/lost-and-found/schema';

export const handler = authenticatedRoute(
  routes.recordFoundItem,
  { body: recordFoundItemInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await recordFoundItem(principal, body, now, idempotency),
  }),
);
