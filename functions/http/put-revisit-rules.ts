import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { putRevisitRules } from '../../shared/revisits/operations/put-revisit-rules';
import { putRevisitRulesInput } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  routes.putRevisitRules,
  { body: putRevisitRulesInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await putRevisitRules(principal, body, now),
  }),
);
