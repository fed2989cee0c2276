import { createCompensationClaim } from '../../shared/compensation/operations/create-compensation-claim';
import { createCompensationClaimInput } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createCompensationClaim,
  { body: createCompensationClaimInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createCompensationClaim(principal, body, now, idempotency),
  }),
);
