import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createWakeUpCall } from '../../shared/wake-up-calls/operations/create-wake-up-call';
import { createWakeUpCallInput } from '../../shared/wake-up-calls/schema';

export const handler = authenticatedRoute(
  routes.createWakeUpCall,
  { body: createWakeUpCallInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createWakeUpCall(principal, body, now, idempotency),
  }),
);
