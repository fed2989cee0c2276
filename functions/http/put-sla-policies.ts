import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { saveSlaPolicies } from '../../shared/sla/repository';
import { slaPolicySetInput } from '../../shared/sla/schema';

export const handler = authenticatedRoute(
  httpRoutes.putSlaPolicies,
  { body: slaPolicySetInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await saveSlaPolicies(principal.tenantId, body, now),
  }),
);
