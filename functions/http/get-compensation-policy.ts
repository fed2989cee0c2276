import { getCompensationPolicy } from '../../shared/compensation/operations/get-compensation-policy';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(routes.getCompensationPolicy, {}, async ({ principal }) => ({
  status: 200,
  body: await getCompensationPolicy(principal),
}));
