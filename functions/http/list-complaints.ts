import { listComplaints } from '../../shared/complaints/operations/list-complaints';
import { listComplaintsQuery } from '../../shared/complaints/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.listComplaints,
  { query: listComplaintsQuery },
  async ({ principal, query }) => ({ status: 200, body: await listComplaints(principal, query) }),
);
