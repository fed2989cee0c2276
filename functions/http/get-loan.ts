import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getLoan } from '../../shared/lending/operations/get-loan';
import { loanIdParams } from '../../shared/lending/schema';

export const handler = authenticatedRoute(
  routes.getLoan,
  { params: loanIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getLoan(principal, params.loanId) }),
);
