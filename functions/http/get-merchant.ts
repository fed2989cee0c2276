import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getMerchant } from '../../shared/merchants/operations/get-merchant';
import { merchantIdParams } from '../../shared/merchants/schema';

export const handler = authenticatedRoute(
  routes.getMerchant,
  { params: merchantIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getMerchant(principal, params.merchantId) }),
);
