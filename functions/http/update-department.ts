import { updateDepartment } from '../../shared/departments/operations/update-department';
import { departmentIdParams, updateDepartmentInput } from '../../shared/departments/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.updateDepartment,
  { params: departmentIdParams, body: updateDepartmentInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateDepartment(principal, params.departmentId, body, now),
  }),
);
