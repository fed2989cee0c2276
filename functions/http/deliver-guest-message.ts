import { deliverGuestMessage } from '../../shared/guest-messages/operations/deliver-guest-message';
import { deliverGuestMessageInput, guestMessageIdParams } from '../../shared/guest-messages/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.deliverGuestMessage,
  { params: guestMessageIdParams, body: deliverGuestMessageInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await deliverGuestMessage(principal, params.guestMessageId, body, now),
  }),
);
