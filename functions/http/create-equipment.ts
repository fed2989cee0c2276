import { createEquipment } from '../../shared/equipment/operations/create-equipment';
import { createEquipmentInput } from '../../shared/equipment/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.createEquipment,
  { body: createEquipmentInput },
  async ({ principal, body, now, idempotency }) => ({
    status: 201,
    body: await createEquipment(principal, body, now, idempotency),
  }),
);
