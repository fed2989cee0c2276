import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { recordDepositEntry } from '../../shared/merchants/operations/record-deposit-entry';
import { merchantIdParams, recordDepositEntryInput } from '../../shared/merchants/schema';

export const handler = authenticatedRoute(
  routes.recordDepositEntry,
  { params: merchantIdParams, body: recordDepositEntryInput },
  async ({ principal, params, body, now, idempotency }) => ({
    status: 201,
    body: await recordDepositEntry(principal, params.merchantId, body, now, idempotency),
  }),
);
