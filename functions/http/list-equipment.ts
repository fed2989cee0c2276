import { listEquipment } from '../../shared/equipment/operations/list-equipment';
import { listEquipmentQuery } from '../../shared/equipment/schema';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';

export const handler = authenticatedRoute(
  routes.listEquipment,
  { query: listEquipmentQuery },
  async ({ principal, query }) => ({ status: 200, body: await listEquipment(principal, query) }),
);
