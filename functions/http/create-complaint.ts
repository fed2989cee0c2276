import { createComplaint } from '../../shared/complaints/operations/create-complaint';
import { createComplaintInput } from '../../shared/complaints/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createComplaint,
  { body: createComplaintInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createComplaint(principal, body, now, idempotency),
  }),
);
