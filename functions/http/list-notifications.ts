import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listNotifications } from '../../shared/notifications/operations/list-notifications';
import { listNotificationsQuery } from '../../shared/notifications/schema';

export const handler = authenticatedRoute(
  routes.listNotifications,
  { query: listNotificationsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listNotifications(principal, query) }),
);
