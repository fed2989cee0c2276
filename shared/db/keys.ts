/**
 * Every key in the table starts from the tenant: `T#<tenantId>`. The entity modules
 * (shared/<area>/keys.ts) build the rest, so no other code knows the key layout.
 */
export const tenantPartition = (tenantId: string) => `T#${tenantId}`;
