import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { readSlaPolicies } from '../../shared/sla/repository';

export const handler = authenticatedRoute(httpRoutes.getSlaPolicies, {}, async ({ principal }) => ({
  status: 200,
  body: await readSlaPolicies(principal.tenantId),
}));
