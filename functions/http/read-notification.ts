import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { notificationIdParams } from '../../shared/notifications/inbox';
import { markMyNotificationRead } from '../../shared/notifications/use-cases';

export const handler = authenticatedRoute(
  httpRoutes.readNotification,
  { params: notificationIdParams },
  async ({ principal, params, now }) => ({
    status: 200,
    body: await markMyNotificationRead(principal, params.notificationId, now),
  }),
);
