import { getComplaint } from '../../shared/complaints/operations/get-complaint';
import { complaintIdParams } from '../../shared/complaints/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.getComplaint,
  { params: complaintIdParams },
  async ({ principal, params }) => ({
    status: 200,
    body: await getComplaint(principal, params.complaintId),
  }),
);
