import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createStaff } from '../../shared/staff/operations/create-staff';
import { createStaffInput } from '../../shared/staff/schema';

export const handler = authenticatedRoute(
  routes.createStaff,
  { body: createStaffInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createStaff(principal, body, now, idempotency),
  }),
);
