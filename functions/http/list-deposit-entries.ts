import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listDepositEntries } from '../../shared/merchants/operations/list-deposit-entries';
import { listDepositEntriesQuery, merchantIdParams } from '../../shared/merchants/schema';

export const handler = authenticatedRoute(
  routes.listDepositEntries,
  { params: merchantIdParams, query: listDepositEntriesQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await listDepositEntries(principal, params.merchantId, query),
  }),
);
