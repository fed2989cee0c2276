import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { listStaff } from '../../shared/staff/operations/list-staff';
import { listStaffQuery } from '../../shared/staff/schema';

export const handler = authenticatedRoute(
  routes.listStaff,
  { query: listStaffQuery },
  async ({ principal, query }) => ({ status: 200, body: await listStaff(principal, query) }),
);
