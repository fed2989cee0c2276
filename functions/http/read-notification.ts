import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { readNotification } from '../../shared/notifications/operations/read-notification';
import { notificationIdParams } from '../../shared/notifications/schema';

export const handler = authenticatedRoute(
  routes.readNotification,
  { params: notificationIdParams },
  async ({ principal, params, now }) => ({
    status: 200,
    body: await readNotification(principal, params.notificationId, now),
  }),
);
