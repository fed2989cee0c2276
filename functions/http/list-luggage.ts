import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listLuggage } from '../../shared/luggage/operations/list-luggage';
import { listLuggageQuery } from '../../shared/luggage/schema';

export const handler = authenticatedRoute(
  routes.listLuggage,
  { query: listLuggageQuery },
  async ({ principal, query }) => ({ status: 200, body: await listLuggage(principal, query) }),
);
