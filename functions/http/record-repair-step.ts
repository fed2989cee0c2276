import { repairReactions } from '../../shared/flows/repair-reactions';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { recordRepairStep } from '../../shared/repairs/operations/record-repair-step';
import { recordRepairStepInput, repairIdParams } from '../../shared/repairs/step-schema';

export const handler = authenticatedRoute(
  routes.recordRepairStep,
  { params: repairIdParams, body: recordRepairStepInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await recordRepairStep(principal, params.repairId, body, now, repairReactions),
  }),
);
