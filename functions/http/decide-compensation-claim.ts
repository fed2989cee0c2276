import { decideCompensationClaim } from '../../shared/compensation/operations/decide-compensation-claim';
import { claimIdParams, decideCompensationClaimInput } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.decideCompensationClaim,
  { params: claimIdParams, body: decideCompensationClaimInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await decideCompensationClaim(principal, params.claimId, body, now),
  }),
);
