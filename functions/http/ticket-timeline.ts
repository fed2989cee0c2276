import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { ticketTimeline } from '../../shared/tickets/operations/ticket-timeline';
import { ticketIdParams, ticketTimelineQuery } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.ticketTimeline,
  { params: ticketIdParams, query: ticketTimelineQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await ticketTimeline(principal, params.ticketId, query),
  }),
);
