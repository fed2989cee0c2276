import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createStore } from '../../shared/stores/operations/create-store';
import { createStoreInput } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  routes.createStore,
  { body: createStoreInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createStore(principal, body, now, idempotency),
  }),
);
