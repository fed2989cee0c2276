import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { updateStaff } from '../../shared/staff/operations/update-staff';
import { staffIdParams, updateStaffInput } from '../../shared/staff/schema';

export const handler = authenticatedRoute(
  httpRoutes.updateStaff,
  { params: staffIdParams, body: updateStaffInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateStaff(principal, params.staffId, body, now),
  }),
);
