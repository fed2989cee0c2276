import { repairWarrantyOf } from '../../shared/flows/repair-after-sales';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createRepair } from '../../shared/repairs/operations/create-repair';
import { createRepairInput } from '../../shared/repairs/schema';

export const handler = authenticatedRoute(
  routes.createRepair,
  { body: createRepairInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createRepair(principal, body, now, idempotency, repairWarrantyOf),
  }),
);
