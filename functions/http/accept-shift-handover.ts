import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { acceptShiftHandover } from '../../shared/shift-handovers/operations/accept-shift-handover';
import { acceptShiftHandoverInput, shiftHandoverIdParams } from '../../shared/shift-handovers/schema';

export const handler = authenticatedRoute(
  routes.acceptShiftHandover,
  { params: shiftHandoverIdParams, body: acceptShiftHandoverInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await acceptShiftHandover(principal, params.shiftHandoverId, body, now),
  }),
);
