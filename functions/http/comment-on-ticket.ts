import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { commentInput, ticketIdParams } from '../../shared/tickets/schema';
import { commentOn } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.commentOnTicket,
  { params: ticketIdParams, body: commentInput },
  async ({ principal, params, body, now, idempotency }) => ({
    status: 201,
    body: await commentOn(principal, params.ticketId, body, now, idempotency),
  }),
);
