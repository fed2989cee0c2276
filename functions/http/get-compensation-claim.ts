import { getCompensationClaim } from '../../shared/compensation/operations/get-compensation-claim';
import { claimIdParams } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.getCompensationClaim,
  { params: claimIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getCompensationClaim(principal, params.claimId),
  }),
);
