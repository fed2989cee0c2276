import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { assignTicketInput, ticketIdParams } from '../../shared/tickets/schema';
import { assignTicketTo } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.assignTicket,
  { params: ticketIdParams, body: assignTicketInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await assignTicketTo(principal, params.ticketId, body, now),
  }),
);
