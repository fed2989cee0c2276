import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { putSlaPolicies } from '../../shared/sla/operations/put-sla-policies';
import { putSlaPoliciesInput } from '../../shared/sla/schema';

export const handler = authenticatedRoute(
  routes.putSlaPolicies,
  { body: putSlaPoliciesInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await putSlaPolicies(principal, body, now),
  }),
);
