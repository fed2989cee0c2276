import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { transitionMerchant } from '../../shared/merchants/operations/transition-merchant';
import { merchantIdParams, transitionMerchantInput } from '../../shared/merchants/schema';

export const handler = authenticatedRoute(
  routes.transitionMerchant,
  { params: merchantIdParams, body: transitionMerchantInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await transitionMerchant(principal, params.merchantId, body, now),
  }),
);
