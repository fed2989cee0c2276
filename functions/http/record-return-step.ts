import { recordReturnStep } from '../../shared/after-sales/operations/record-return-step';
import { recordReturnStepInput, returnIdParams } from '../../shared/after-sales/schema';
import { cancelPurchaseRevisits } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

// Only what a refund sets off (revisits cancelled): the purchase's revisit planning stays out of the bundle.
const reactions = { closed: cancelPurchaseRevisits };

export const handler = authenticatedRoute(
  routes.recordReturnStep,
  { params: returnIdParams, body: recordReturnStepInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await recordReturnStep(principal, params.returnId, body, now, reactions),
  }),
);
