import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getRepair } from '../../shared/repairs/operations/get-repair';
import { repairIdParams } from '../../shared/repairs/schema';

export const handler = authenticatedRoute(
  routes.getRepair,
  { params: repairIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getRepair(principal, params.repairId),
  }),
);
