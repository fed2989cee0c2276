import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { assignTicket } from '../../shared/tickets/operations/assign-ticket';
import { assignTicketInput, ticketIdParams } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.assignTicket,
  { params: ticketIdParams, body: assignTicketInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await assignTicket(principal, params.ticketId, body, now),
  }),
);
