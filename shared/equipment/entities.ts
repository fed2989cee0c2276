import { defineEntity } from '../db/entity';
import type { Equipment } from './views';

/** One piece of the desk's equipment, read by id alone; a store's register is one Query in id order. */
export const equipmentEntity = /* @__PURE__ */ defineEntity<Equipment>({
  tag: 'equipment',
  about: 'a piece of equipment of a store (设备管理表): name, model, serial, who holds it since when',
  key: { pk: 'T#{tenantId}#EQUIPMENT#{id}', sk: 'EQUIPMENT' },
  views: {
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#EQUIPMENT', sk: '{id}' },
  },
});
