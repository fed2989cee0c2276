import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listTickets } from '../../shared/tickets/operations/list-tickets';
import { listTicketsQuery } from '../../shared/tickets/schema';

export const handler = authenticatedRoute(
  routes.listTickets,
  { query: listTicketsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listTickets(principal, query) }),
);
