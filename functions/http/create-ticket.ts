import { httpRoutes } from '../../infra/routes';
import { authenticatedRoute } from '../../shared/http/handler';
import { createTicketInput } from '../../shared/tickets/schema';
import { createTicket } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.createTicket,
  { body: createTicketInput },
  async ({ principal, body, now }) => {
    const ticket = await createTicket(principal, body, now);
    return { status: 201, body: ticket, headers: { location: `/v1/tickets/${ticket.id}` } };
  },
);
