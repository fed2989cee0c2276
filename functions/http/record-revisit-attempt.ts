import { openFollowUpComplaint } from '../../shared/flows/follow-up-complaint';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { attemptInput, revisitIdParams } from '../../shared/revisits/schema';
import { recordRevisitAttempt } from '../../shared/revisits/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.recordRevisitAttempt,
  { params: revisitIdParams, body: attemptInput },
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
