import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listShiftHandovers } from '../../shared/shift-handovers/operations/list-shift-handovers';
import { listShiftHandoversQuery } from '../../shared/shift-handovers/schema';

export const handler = authenticatedRoute(
  routes.listShiftHandovers,
  { query: listShiftHandoversQuery },
  async ({ principal, query }) => ({ status: 200, body: await listShiftHandovers(principal, query) }),
);
