import { listCompensationClaims } from '../../shared/compensation/operations/list-compensation-claims';
import { listCompensationClaimsQuery } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.listCompensationClaims,
  { query: listCompensationClaimsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listCompensationClaims(principal, query) }),
);
