import { defineEntity } from '../db/entity';
import type { Department } from './views';

/**
 * A department is its own item, read by id alone; listed per scope (a store, or `TENANT` for the
 * tenant-wide ones) by id, i.e. in creation order.
 */
export const departmentEntity = /* @__PURE__ */ defineEntity<Department>({
  tag: 'department',
  about: 'a department (部门) of a store or of the whole tenant, with its members; listed per scope',
  key: { pk: 'T#{tenantId}#DEPARTMENT#{id}', sk: 'DEPARTMENT' },
  views: {
    byStore: { pk: 'T#{tenantId}#DEPARTMENTS#{scope}', sk: '{id}' },
  },
  derive: (department) => ({ scope: department.storeId ?? 'TENANT' }),
  derivedFields: { scope: 'the store id, or TENANT for a tenant-wide department' },
});
