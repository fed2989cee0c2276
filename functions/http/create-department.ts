import { createDepartment } from '../../shared/departments/operations/create-department';
import { createDepartmentInput } from '../../shared/departments/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createDepartment,
  { body: createDepartmentInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createDepartment(principal, body, now, idempotency),
  }),
);
