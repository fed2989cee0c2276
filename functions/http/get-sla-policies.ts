import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getSlaPolicies } from '../../shared/sla/operations/get-sla-policies';

export const handler = authenticatedRoute(routes.getSlaPolicies, {}, async ({ principal }) => ({
  status: 200,
  body: await getSlaPolicies(principal),
}));
