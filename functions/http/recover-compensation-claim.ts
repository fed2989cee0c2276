import { recoverCompensationClaim } from '../../shared/compensation/operations/recover-compensation-claim';
import { claimIdParams, recoverCompensationClaimInput } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.recoverCompensationClaim,
  { params: claimIdParams, body: recoverCompensationClaimInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await recoverCompensationClaim(principal, params.claimId, body, now),
  }),
);
