import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { revisitIdParams } from '../../shared/revisits/schema';
import { getRevisit } from '../../shared/revisits/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.getRevisit,
  { params: revisitIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getRevisit(principal, params.revisitId) }),
);
