import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { recordWakeUpAttempt } from '../../shared/wake-up-calls/operations/record-wake-up-attempt';
import { recordWakeUpAttemptInput, wakeUpCallIdParams } from '../../shared/wake-up-calls/schema';

export const handler = authenticatedRoute(
  routes.recordWakeUpAttempt,
  { params: wakeUpCallIdParams, body: recordWakeUpAttemptInput },
  async ({ principal, params, body, now, idempotency }) => ({
    status: 201,
    body: await recordWakeUpAttempt(principal, params.wakeUpCallId, body, now, idempotency),
  }),
);
