import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { createStaffInput } from '../../shared/staff/schema';
import { createStaffMember } from '../../shared/staff/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.createStaff,
  { body: createStaffInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createStaffMember(principal, body, now, idempotency),
  }),
);
