import { readShiftSnapshot } from '../../shared/flows/shift-snapshot';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createShiftHandover } from '../../shared/shift-handovers/operations/create-shift-handover';
import { createShiftHandoverInput } from '../../shared/shift-handovers/schema';

export const handler = authenticatedRoute(
  routes.createShiftHandover,
  { body: createShiftHandoverInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createShiftHandover(principal, body, now, idempotency, readShiftSnapshot),
  }),
);
