import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listMerchants } from '../../shared/merchants/operations/list-merchants';
import { listMerchantsQuery } from '../../shared/merchants/schema';

export const handler = authenticatedRoute(
  routes.listMerchants,
  { query: listMerchantsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listMerchants(principal, query) }),
);
