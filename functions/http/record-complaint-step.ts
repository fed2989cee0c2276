import { recordComplaintStep } from '../../shared/complaints/operations/record-complaint-step';
import { complaintIdParams, recordComplaintStepInput } from '../../shared/complaints/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.recordComplaintStep,
  { params: complaintIdParams, body: recordComplaintStepInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await recordComplaintStep(principal, params.complaintId, body, now),
  }),
);
