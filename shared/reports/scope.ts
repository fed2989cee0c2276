import type { Principal } from '../access/principal';

/** Managers and admins read every store's reports; supervisors their own stores. */
export const readsWholeChain = (principal: Principal): boolean =>
  principal.tenantWide || principal.roles.includes('manager') || principal.roles.includes('admin');
