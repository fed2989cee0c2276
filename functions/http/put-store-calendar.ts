import { putStoreCalendar } from '../../shared/calendar/operations/put-store-calendar';
import { putStoreCalendarInput } from '../../shared/calendar/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { storeIdParams } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  routes.putStoreCalendar,
  { params: storeIdParams, body: putStoreCalendarInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await putStoreCalendar(principal, params.storeId, body, now),
  }),
);
