import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { recordSafeBoxAccess } from '../../shared/safe-boxes/operations/record-safe-box-access';
import { recordSafeBoxAccessInput, safeBoxIdParams } from '../../shared/safe-boxes/schema';

export const handler = authenticatedRoute(
  routes.recordSafeBoxAccess,
  { params: safeBoxIdParams, body: recordSafeBoxAccessInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await recordSafeBoxAccess(principal, params.safeBoxId, body, now),
  }),
);
