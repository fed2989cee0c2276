import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getShiftHandover } from '../../shared/shift-handovers/operations/get-shift-handover';
import { shiftHandoverIdParams } from '../../shared/shift-handovers/schema';

export const handler = authenticatedRoute(
  routes.getShiftHandover,
  { params: shiftHandoverIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getShiftHandover(principal, params.shiftHandoverId),
  }),
);
