import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { createStoreInput } from '../../shared/stores/schema';
import { createStore } from '../../shared/stores/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.createStore,
  { body: createStoreInput },
  async ({ principal, body, now, idempotency }) => {
    const store = await createStore(principal, body, now, idempotency);
    return { status: 201, body: store };
  },
);
