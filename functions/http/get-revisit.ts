import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getRevisit } from '../../shared/revisits/operations/get-revisit';
import { revisitIdParams } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  routes.getRevisit,
  { params: revisitIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getRevisit(principal, params.revisitId) }),
);
