import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listLoans } from '../../shared/lending/operations/list-loans';
import { listLoansQuery } from '../../shared/lending/schema';

export const handler = authenticatedRoute(
  routes.listLoans,
  { query: listLoansQuery },
  async ({ principal, query }) => ({ status: 200, body: await listLoans(principal, query) }),
);
