import { getGuestMessage } from '../../shared/guest-messages/operations/get-guest-message';
import { guestMessageIdParams } from '../../shared/guest-messages/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.getGuestMessage,
  { params: guestMessageIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getGuestMessage(principal, params.guestMessageId),
  }),
);
