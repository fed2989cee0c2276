import { httpRoutes } from '../../infra/routes';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { readRevisitRules } from '../../shared/revisits/repository';

export const handler = authenticatedRoute(httpRoutes.getRevisitRules, {}, async ({ principal }) => ({
  status: 200,
  body: await readRevisitRules(principal.tenantId),
}));
