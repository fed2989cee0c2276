import { businessCalendarInput } from '../../shared/calendar/schema';
import { saveStoreCalendar } from '../../shared/calendar/use-cases';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { storeIdParams } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  httpRoutes.putStoreCalendar,
  { params: storeIdParams, body: businessCalendarInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await saveStoreCalendar(principal, params.storeId, body, now),
  }),
);
