import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { createTicket } from '../../shared/tickets/operations/create-ticket';
import { createTicketInput } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.createTicket,
  { body: createTicketInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createTicket(principal, body, now, idempotency),
  }),
);
