import { getStoreCalendar } from '../../shared/calendar/operations/get-store-calendar';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { storeIdParams } from '../../shared/stores/schema';

export const handler = authenticatedRoute(
  routes.getStoreCalendar,
  { params: storeIdParams },
  async ({ principal, params }) => ({ status: 200, body: await getStoreCalendar(principal, params.storeId) }),
);
