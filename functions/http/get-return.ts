import { getReturn } from '../../shared/after-sales/operations/get-return';
import { returnIdParams } from '../../shared/after-sales/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.getReturn,
  { params: returnIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getReturn(principal, params.returnId),
  }),
);
