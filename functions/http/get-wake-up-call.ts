import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getWakeUpCall } from '../../shared/wake-up-calls/operations/get-wake-up-call';
import { wakeUpCallIdParams } from '../../shared/wake-up-calls/schema';

export const handler = authenticatedRoute(
  routes.getWakeUpCall,
  { params: wakeUpCallIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getWakeUpCall(principal, params.wakeUpCallId),
  }),
);
