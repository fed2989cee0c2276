import { businessCalendarInput } from '../../shared/calendar/schema';
import { saveTenantCalendar } from '../../shared/calendar/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(
  httpRoutes.putTenantCalendar,
  { body: businessCalendarInput },
  async ({ principal, body, now }) => ({ status: 200, body: await saveTenantCalendar(principal, body, now) }),
);
