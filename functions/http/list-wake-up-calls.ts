import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listWakeUpCalls } from '../../shared/wake-up-calls/operations/list-wake-up-calls';
import { listWakeUpCallsQuery } from '../../shared/wake-up-calls/schema';

export const handler = authenticatedRoute(
  routes.listWakeUpCalls,
  { query: listWakeUpCallsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listWakeUpCalls(principal, query) }),
);
