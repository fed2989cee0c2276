import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getRevisitRules } from '../../shared/revisits/operations/get-revisit-rules';

export const handler = authenticatedRoute(routes.getRevisitRules, {}, async ({ principal }) => ({
  status: 200,
  body: await getRevisitRules(principal),
}));
