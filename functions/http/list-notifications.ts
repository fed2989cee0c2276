import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { listNotificationsQuery } from '../../shared/notifications/inbox';
import { myNotifications } from '../../shared/notifications/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.listNotifications,
  { query: listNotificationsQuery },
  async ({ principal, query }) => ({ status: 200, body: await myNotifications(principal, query) }),
);
