import { recordCompensationPayment } from '../../shared/compensation/operations/record-compensation-payment';
import { claimIdParams, recordCompensationPaymentInput } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.recordCompensationPayment,
  { params: claimIdParams, body: recordCompensationPaymentInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await recordCompensationPayment(principal, params.claimId, body, now),
  }),
);
