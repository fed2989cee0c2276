import { listDepartments } from '../../shared/departments/operations/list-departments';
import { listDepartmentsQuery } from '../../shared/departments/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.listDepartments,
  { query: listDepartmentsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listDepartments(principal, query) }),
);
