import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { returnLentItem } from '../../shared/lending/operations/return-lent-item';
import { loanIdParams, returnLentItemInput } from '../../shared/lending/schema';

export const handler = authenticatedRoute(
  routes.returnLentItem,
  { params: loanIdParams, body: returnLentItemInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await returnLentItem(principal, params.loanId, body, now),
  }),
);
