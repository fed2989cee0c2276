import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { pickUpLuggage } from '../../shared/luggage/operations/pick-up-luggage';
import { luggageIdParams, pickUpLuggageInput } from '../../shared/luggage/schema';

export const handler = authenticatedRoute(
  routes.pickUpLuggage,
  { params: luggageIdParams, body: pickUpLuggageInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await pickUpLuggage(principal, params.luggageId, body, now),
  }),
);
