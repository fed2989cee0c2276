import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { updateStaff } from '../../shared/staff/operations/update-staff';
import { staffIdParams, updateStaffInput } from '../../shared/staff/schema';

export const handler = authenticatedRoute(
  routes.updateStaff,
  { params: staffIdParams, body: updateStaffInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateStaff(principal, params.staffId, body, now),
  }),
);
