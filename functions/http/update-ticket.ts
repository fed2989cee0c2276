import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { updateTicket } from '../../shared/tickets/operations/update-ticket';
import { ticketIdParams, updateTicketInput } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.updateTicket,
  { params: ticketIdParams, body: updateTicketInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateTicket(principal, params.ticketId, body, now),
  }),
);
