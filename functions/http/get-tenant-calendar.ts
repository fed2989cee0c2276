import { getTenantCalendar } from '../../shared/calendar/operations/get-tenant-calendar';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(httpRoutes.getTenantCalendar, {}, async ({ principal }) => ({
  status: 200,
  body: await getTenantCalendar(principal),
}));
