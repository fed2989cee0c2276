import { acknowledgeGuestMessage } from '../../shared/guest-messages/operations/acknowledge-guest-message';
import { acknowledgeGuestMessageInput, guestMessageIdParams } from '../../shared/guest-messages/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.acknowledgeGuestMessage,
  { params: guestMessageIdParams, body: acknowledgeGuestMessageInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await acknowledgeGuestMessage(principal, params.guestMessageId, body, now),
  }),
);
