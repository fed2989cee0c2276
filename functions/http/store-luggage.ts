import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { storeLuggage } from '../../shared/luggage/operations/store-luggage';
import { storeLuggageInput } from '../../shared/luggage/schema';

export const handler = authenticatedRoute(
  routes.storeLuggage,
  { body: storeLuggageInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await storeLuggage(principal, body, now, idempotency),
  }),
);
