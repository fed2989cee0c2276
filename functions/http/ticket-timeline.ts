import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { ticketIdParams, timelineQuery } from '../../shared/tickets/schema';
import { ticketTimeline } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.ticketTimeline,
  { params: ticketIdParams, query: timelineQuery },
  async ({ principal, params, query }) => ({
    status: 200,
    body: await ticketTimeline(principal, params.ticketId, query),
  }),
);
