import { getDepartment } from '../../shared/departments/operations/get-department';
import { departmentIdParams } from '../../shared/departments/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.getDepartment,
  { params: departmentIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getDepartment(principal, params.departmentId),
  }),
);
