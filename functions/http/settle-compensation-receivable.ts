import { settleCompensationReceivable } from '../../shared/compensation/operations/settle-compensation-receivable';
import { claimIdParams, settleCompensationReceivableInput } from '../../shared/compensation/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.settleCompensationReceivable,
  { params: claimIdParams, body: settleCompensationReceivableInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await settleCompensationReceivable(principal, params.claimId, body, now),
  }),
);
