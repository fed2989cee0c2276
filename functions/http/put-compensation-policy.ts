import { putCompensationPolicy } from '../../shared/compensation/operations/put-compensation-policy';
import { putCompensationPolicyInput } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.putCompensationPolicy,
  { body: putCompensationPolicyInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await putCompensationPolicy(principal, body, now),
  }),
);
