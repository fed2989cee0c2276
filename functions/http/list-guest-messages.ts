import { listGuestMessages } from '../../shared/guest-messages/operations/list-guest-messages';
import { listGuestMessagesQuery } from '../../shared/guest-messages/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.listGuestMessages,
  { query: listGuestMessagesQuery },
  async ({ principal, query }) => ({ status: 200, body: await listGuestMessages(principal, query) }),
);
