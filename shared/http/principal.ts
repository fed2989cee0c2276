import { DomainError, forbidden } from '../errors';
import { type StaffRole, staffRoles } from '../staff/roles';

/** Who is calling: the one shape every use case sees, whatever identity provider issued the token. */
export interface Principal {
  readonly tenantId: string;
  readonly userId: string;
  readonly roles: readonly StaffRole[];
  /** Stores the caller works in. Admins are tenant-wide and may act in any store of the tenant. */
  readonly storeIds: readonly string[];
  readonly tenantWide: boolean;
}

/** Claims as API Gateway's JWT authorizer hands them over: every value a string. */
export type Claims = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

const tenantIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
const storeIdPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * API Gateway flattens array claims to `[a b c]`; Cognito custom attributes are plain strings
 * (we accept comma- or space-separated); a hand-built token may carry a JSON array string.
 */
export function claimList(value: Claims[string]): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: API Gateway's `[a b c]` form
    }
    return splitList(text.slice(1, -1));
  }
  return splitList(text);
}

const splitList = (text: string) => text.split(/[\s,]+/).filter((part) => part.length > 0);

/**
 * Maps token claims to a principal. Accepts our own claim names and the Cognito ones
 * (`custom:tenant_id`, `cognito:groups`, `custom:store_ids`) so either issuer works.
 */
export function principalFromClaims(claims: Claims | undefined): Principal {
  if (!claims || claims.sub === undefined) {
    throw new DomainError('unauthenticated', 'token_missing', 'A valid bearer token is required.');
  }
  const tenantId = String(claims.tenant_id ?? claims['custom:tenant_id'] ?? '');
  if (!tenantIdPattern.test(tenantId)) {
    throw forbidden('tenant_claim_missing', 'The token does not name a valid tenant.');
  }
  const known = new Set<string>(staffRoles);
  const roles = claimList(claims.roles ?? claims['cognito:groups']).filter((role): role is StaffRole =>
    known.has(role),
  );
  const storeIds = claimList(claims.store_ids ?? claims['custom:store_ids']).filter((id) =>
    storeIdPattern.test(id),
  );
  return {
    tenantId,
    userId: String(claims.sub),
    roles,
    storeIds,
    tenantWide: roles.includes('admin'),
  };
}

export function assertRole(principal: Principal, allowed: readonly StaffRole[]): void {
  if (!principal.roles.some((role) => allowed.includes(role))) {
    throw forbidden('role_not_allowed', `This needs one of the roles: ${allowed.join(', ')}.`);
  }
}

export function canActInStore(principal: Principal, storeId: string): boolean {
  return principal.tenantWide || principal.storeIds.includes(storeId);
}

export function assertStoreAccess(principal: Principal, storeId: string): void {
  if (!canActInStore(principal, storeId)) {
    throw forbidden('store_out_of_scope', 'The store is outside your scope.');
  }
}
