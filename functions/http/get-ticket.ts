import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getTicket } from '../../shared/tickets/operations/get-ticket';
import { ticketIdParams } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.getTicket,
  { params: ticketIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getTicket(principal, params.ticketId) }),
);
