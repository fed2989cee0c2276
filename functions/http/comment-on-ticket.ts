import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { commentOnTicket } from '../../shared/tickets/operations/comment-on-ticket';
import { commentOnTicketInput, ticketIdParams } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.commentOnTicket,
  { params: ticketIdParams, body: commentOnTicketInput },
  async ({ principal, params, body, now, idempotency }) => ({
    status: 201,
    body: await commentOnTicket(principal, params.ticketId, body, now, idempotency),
  }),
);
