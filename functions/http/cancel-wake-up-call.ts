import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { cancelWakeUpCall } from '../../shared/wake-up-calls/operations/cancel-wake-up-call';
import { cancelWakeUpCallInput, wakeUpCallIdParams } from '../../shared/wake-up-calls/schema';

export const handler = authenticatedRoute(
  routes.cancelWakeUpCall,
  { params: wakeUpCallIdParams, body: cancelWakeUpCallInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await cancelWakeUpCall(principal, params.wakeUpCallId, body, now),
  }),
);
