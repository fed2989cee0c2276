import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { createTicketInput } from '../../shared/tickets/schema';
import { createTicket } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.createTicket,
  { body: createTicketInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createTicket(principal, body, now, idempotency),
  }),
);
