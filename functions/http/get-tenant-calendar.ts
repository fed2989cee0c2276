import { tenantCalendar } from '../../shared/calendar/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';

export const handler = authenticatedRoute(httpRoutes.getTenantCalendar, {}, async ({ principal }) => ({
  status: 200,
  body: await tenantCalendar(principal),
}));
