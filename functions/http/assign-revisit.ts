import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { assignRevisitInput, revisitIdParams } from '../../shared/revisits/schema';
import { assignRevisitTo } from '../../shared/revisits/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.assignRevisit,
  { params: revisitIdParams, body: assignRevisitInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await assignRevisitTo(principal, params.revisitId, body, now),
  }),
);
