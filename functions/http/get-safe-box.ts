import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getSafeBox } from '../../shared/safe-boxes/operations/get-safe-box';
import { safeBoxIdParams } from '../../shared/safe-boxes/schema';

export const handler = authenticatedRoute(
  routes.getSafeBox,
  { params: safeBoxIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getSafeBox(principal, params.safeBoxId) }),
);
