import { checkReturnEligibility } from '../../shared/after-sales/operations/check-return-eligibility';
import { checkReturnEligibilityInput } from '../../shared/after-sales/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.checkReturnEligibility,
  { body: checkReturnEligibilityInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await checkReturnEligibility(principal, body, now),
  }),
);
