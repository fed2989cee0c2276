import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { ticketIdParams, updateTicketInput } from '../../shared/tickets/schema';
import { editTicket } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.updateTicket,
  { params: ticketIdParams, body: updateTicketInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await editTicket(principal, params.ticketId, body, now),
  }),
);
