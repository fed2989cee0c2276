import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { saveRevisitRules } from '../../shared/revisits/repository';
import { revisitRulesInput } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  httpRoutes.putRevisitRules,
  { body: revisitRulesInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await saveRevisitRules(principal.tenantId, body, now),
  }),
);
