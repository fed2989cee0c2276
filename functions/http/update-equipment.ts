import { updateEquipment } from '../../shared/equipment/operations/update-equipment';
import { equipmentIdParams, updateEquipmentInput } from '../../shared/equipment/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.updateEquipment,
  { params: equipmentIdParams, body: updateEquipmentInput },
  async ({ principal, params, body, now }) => ({
    status: 200,
    body: await updateEquipment(principal, params.equipmentId, body, now),
  }),
);
