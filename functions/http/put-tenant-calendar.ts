import { putTenantCalendar } from '../../shared/calendar/operations/put-tenant-calendar';
import { putTenantCalendarInput } from '../../shared/calendar/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.putTenantCalendar,
  { body: putTenantCalendarInput },
  async ({ principal, body, now }) => ({ status: 200, body: await putTenantCalendar(principal, body, now) }),
);
