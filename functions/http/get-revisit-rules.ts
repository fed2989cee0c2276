import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { readRevisitRules } from '../../shared/revisits/repository';

export const handler = authenticatedRoute(httpRoutes.getRevisitRules, {}, async ({ principal }) => ({
  status: 200,
  body: await readRevisitRules(principal.tenantId),
}));
