import { ticketReactions } from '../../shared/flows/revisit-scheduling';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { ticketIdParams, transitionTicketInput } from '../../shared/tickets/schema';
import { moveTicket } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.transitionTicket,
  { params: ticketIdParams, body: transitionTicketInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await moveTicket(principal, params.ticketId, body, now, ticketReactions),
  }),
);
