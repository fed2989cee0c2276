import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { closeSafeBox } from '../../shared/safe-boxes/operations/close-safe-box';
import { closeSafeBoxInput, safeBoxIdParams } from '../../shared/safe-boxes/schema';

export const handler = authenticatedRoute(
  routes.closeSafeBox,
  { params: safeBoxIdParams, body: closeSafeBoxInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await closeSafeBox(principal, params.safeBoxId, body, now),
  }),
);
