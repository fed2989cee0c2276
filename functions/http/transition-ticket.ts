import { ticketReactions } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { transitionTicket } from '../../shared/tickets/operations/transition-ticket';
import { ticketIdParams, transitionTicketInput } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.transitionTicket,
  { params: ticketIdParams, body: transitionTicketInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await transitionTicket(principal, params.ticketId, body, now, ticketReactions),
  }),
);
