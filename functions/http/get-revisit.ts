import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { getRevisit } from '../../shared/revisits/operations/get-revisit';
import { revisitIdParams } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  httpRoutes.getRevisit,
  { params: revisitIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getRevisit(principal, params.revisitId) }),
);
