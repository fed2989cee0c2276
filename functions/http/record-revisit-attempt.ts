import { openFollowUpComplaint } from '../../shared/flows/follow-up-complaint';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { recordRevisitAttempt } from '../../shared/revisits/operations/record-revisit-attempt';
import { recordRevisitAttemptInput, revisitIdParams } from '../../shared/revisits/schema';

export const handler = authenticatedRoute(
  routes.recordRevisitAttempt,
  { params: revisitIdParams, body: recordRevisitAttemptInput },
  async ({ principal, params, body, now, idempotency }) => ({
    status: 201,
    body: await recordRevisitAttempt(
      principal,
      params.revisitId,
      body,
      now,
      idempotency,
      openFollowUpComplaint,
    ),
  }),
);
