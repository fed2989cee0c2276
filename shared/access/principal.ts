import { DomainError, forbidden } from '../errors';
import { type StaffRole, staffRoles } from './roles';

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

/** API Gateway's `[a b c]`: the elements between the brackets, split on single spaces. */
function bracketedWords(text: string): string[] {
  const inner = text.slice(1, -1);
  return inner === '' ? [] : inner.split(' ');
}

/**
 * False only when JSON.parse would surely throw: no string in the text, yet a letter outside
 * JSON's bare words (true, false, null, an exponent), as in `[front_desk admin]`, the form every
 * token API Gateway forwards has. Every request reads two such claims, and a thrown SyntaxError
 * costs ~10 µs each, caught only to be ignored.
 */
const mayBeJson = (text: string) =>
  text.includes('"') || !/[a-z]/i.test(text.replace(/true|false|null|e/gi, ''));

/**
 * A list claim as it reaches the handler. API Gateway's JWT authorizer flattens a JSON array to
 * `[a b c]`: elements joined by single spaces inside brackets. A real array (in-process callers) is
 * taken element by element and never split. A hand-built token may carry a JSON array string.
 * A plain string is one element; `separators` lets a Cognito custom attribute (`custom:store_ids`)
 * hold several, comma-separated.
 */
export function claimList(value: Claims[string], separators: RegExp | undefined = undefined): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  const text = String(value).trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    if (!mayBeJson(text)) return bracketedWords(text);
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      // not JSON: API Gateway's `[a b c]` form
    }
    return bracketedWords(text);
  }
  if (text === '') return [];
  return separators ? text.split(separators).filter((part) => part.length > 0) : [text];
}

const knownRoles = new Set<string>(staffRoles);
const isStaffRole = (role: string): role is StaffRole => knownRoles.has(role);

/**
 * Roles exactly as the token names them. An element that is not one of our roles (a typo, a
 * group of another application, `"front_desk admin"` as one element) refuses the whole token:
 * guessing what was meant could grant more than the issuer gave.
 */
function rolesFromClaim(value: Claims[string]): StaffRole[] {
  const named = claimList(value);
  const unknown = named.filter((role) => !isStaffRole(role));
  if (unknown.length > 0) {
    throw forbidden(
      'role_unknown',
      `The token names roles this service does not know (${unknown
        .slice(0, 3)
        .map((role) => JSON.stringify(role.slice(0, 40)))
        .join(', ')}); roles are ${staffRoles.join(', ')}.`,
    );
  }
  return named.filter(isStaffRole);
}

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
  const roles = rolesFromClaim(claims.roles ?? claims['cognito:groups']);
  const storeIds = claimList(claims.store_ids ?? claims['custom:store_ids'], /[\s,]+/).filter((id) =>
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

/**
 * The one rule for customer-linked data across stores: a customer belongs to the tenant, but what
 * happened at a store (purchases, tickets, revisits) is shown only to that store's staff and to
 * tenant-wide staff. Lists that span stores keep just the caller's part of each page.
 */
export function inStoreScope<T extends { readonly storeId: string }>(
  principal: Principal,
  page: { readonly items: readonly T[]; readonly cursor: string | null },
): { items: T[]; cursor: string | null } {
  return { items: page.items.filter((item) => canActInStore(principal, item.storeId)), cursor: page.cursor };
}

export function assertStoreAccess(principal: Principal, storeId: string): void {
  if (!canActInStore(principal, storeId)) {
    throw forbidden('store_out_of_scope', 'The store is outside your scope.');
  }
}
