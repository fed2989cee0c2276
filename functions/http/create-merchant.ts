import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createMerchant } from '../../shared/merchants/operations/create-merchant';
import { createMerchantInput } from '../../shared/merchants/schema';

export const handler = authenticatedRoute(
  routes.createMerchant,
  { body: createMerchantInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createMerchant(principal, body, now, idempotency),
  }),
);
