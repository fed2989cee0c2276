import { getTenantCalendar } from '../../shared/calendar/operations/get-tenant-calendar';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(routes.getTenantCalendar, {}, async ({ principal }) => ({
  status: 200,
  body: await getTenantCalendar(principal),
}));
