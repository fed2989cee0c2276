import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { listTicketsQuery } from '../../shared/tickets/schema';
import { listTickets } from '../../shared/tickets/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.listTickets,
  { query: listTicketsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listTickets(principal, query) }),
);
