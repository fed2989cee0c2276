import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { openSafeBox } from '../../shared/safe-boxes/operations/open-safe-box';
import { openSafeBoxInput } from '../../shared/safe-boxes/schema';

export const handler = authenticatedRoute(
  routes.openSafeBox,
  { body: openSafeBoxInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await openSafeBox(principal, body, now, idempotency),
  }),
);
