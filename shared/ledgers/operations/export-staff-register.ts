import type { Principal } from '../../access/principal';
import { queryEntities } from '../../db/query';
import { type StoredMembership, storeMembershipEntity } from '../../staff/entities';
import { localMinute } from '../../time/local-days';
import type { ExportRegisterQuery } from '../schema';
import { storeOfLedger } from '../store';
import type { StaffRegisterPage } from '../views';

/** 人员管理表: one page of the store's staff (the store's membership copies, one Query). */
export async function exportStaffRegister(
  principal: Principal,
  query: ExportRegisterQuery,
): Promise<StaffRegisterPage> {
  const store = await storeOfLedger(principal, query.storeId);
  const page = await queryEntities<StoredMembership>({
    ...storeMembershipEntity.view(undefined, { tenantId: principal.tenantId, storeId: store.storeId }),
    limit: query.limit,
    cursor: query.cursor,
    // Bound to the format too: a cursor goes on only the export it came from.
    list: 'staff-register',
    filters: { storeId: store.storeId, format: query.format },
  });
  return {
    ...store,
    items: page.items.map((member) => ({
      staffId: member.id,
      name: member.name,
      roles: member.roles,
      ...(member.phone ? { phone: member.phone } : {}),
      ...(member.email ? { email: member.email } : {}),
      registeredOn: (localMinute(member.createdAt, store.timezone) as string).slice(0, 10),
    })),
    cursor: page.cursor,
  };
}
