import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { updateStore } from '../../shared/stores/operations/update-store';
import { storeIdParams, updateStoreInput } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  httpRoutes.updateStore,
  { params: storeIdParams, body: updateStoreInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateStore(principal, params.storeId, body, now),
  }),
);
