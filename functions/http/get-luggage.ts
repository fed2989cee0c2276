import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getLuggage } from '../../shared/luggage/operations/get-luggage';
import { luggageIdParams } from '../../shared/luggage/schema';

export const handler = authenticatedRoute(
  routes.getLuggage,
  { params: luggageIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getLuggage(principal, params.luggageId) }),
);
