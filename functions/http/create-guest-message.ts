import { createGuestMessage } from '../../shared/guest-messages/operations/create-guest-message';
import { createGuestMessageInput } from '../../shared/guest-messages/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createGuestMessage,
  { body: createGuestMessageInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createGuestMessage(principal, body, now, idempotency),
  }),
);
