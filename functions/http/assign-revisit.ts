import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { assignRevisit } from '../../shared/revisits/operations/assign-revisit';
import { assignRevisitInput, revisitIdParams } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  routes.assignRevisit,
  { params: revisitIdParams, body: assignRevisitInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await assignRevisit(principal, params.revisitId, body, now),
  }),
);
