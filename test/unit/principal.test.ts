import { describe, expect, it } from 'vitest';
import { flattenClaims } from '../../infra/local/events';
import {
  assertRole,
  type Claims,
  canActInStore,
  claimList,
  principalFromClaims,
} from '../../shared/access/principal';
import { DomainError } from '../../shared/errors';

const storeA = '01M8CFFSPPM7KHC0J6FQ7N11K4';
const storeB = '01M8CFFT6Y7X6KEP96DAQR4VCV';

describe('claims → principal', () => {
  it('reads the flattened arrays API Gateway hands to Lambda', () => {
    const claims = flattenClaims({
      sub: 'u1',
      tenant_id: 'acme',
      roles: ['front_desk', 'supervisor'],
      store_ids: [storeA],
    });
    expect(claims.roles).toBe('[front_desk supervisor]');
    expect(principalFromClaims(claims)).toEqual({
      tenantId: 'acme',
      userId: 'u1',
      roles: ['front_desk', 'supervisor'],
      storeIds: [storeA],
      tenantWide: false,
    });
  });

  it('reads Cognito claim names and comma-separated custom attributes', () => {
    const principal = principalFromClaims({
      sub: 'u2',
      'custom:tenant_id': 'acme',
      'cognito:groups': '[manager]',
      'custom:store_ids': `${storeA},${storeB}`,
    });
    expect(principal).toMatchObject({ tenantId: 'acme', roles: ['manager'], storeIds: [storeA, storeB] });
  });

  it('accepts JSON array strings and drops malformed store ids', () => {
    expect(claimList('["a","b"]')).toEqual(['a', 'b']);
    expect(claimList('[]')).toEqual([]);
    // Bare JSON values are still read as JSON; bare words are API Gateway's form.
    expect(claimList('[1.0, true]')).toEqual(['1', 'true']);
    expect(claimList('[1.0 true]')).toEqual(['1.0', 'true']);
    expect(claimList('[front_desk null]')).toEqual(['front_desk', 'null']);
    expect(claimList(undefined)).toEqual([]);
    const principal = principalFromClaims({
      sub: 'u',
      tenant_id: 't',
      roles: '[supervisor admin]',
      store_ids: '[x ../y]',
    });
    expect(principal.roles).toEqual(['supervisor', 'admin']);
    expect(principal.storeIds).toEqual([]);
    expect(principal.tenantWide).toBe(true);
  });

  it('never splits inside an element and refuses any role it does not know (403)', () => {
    const refusal = (roles: Claims[string]) => {
      try {
        principalFromClaims({ sub: 'u', tenant_id: 't', roles });
        return 'accepted';
      } catch (error) {
        return `${(error as DomainError).kind}:${(error as DomainError).code}`;
      }
    };
    // One element holding two names is not two roles, in whatever form it arrives.
    expect(refusal(['front_desk admin'])).toBe('forbidden:role_unknown');
    expect(refusal(['front_desk,admin'])).toBe('forbidden:role_unknown');
    expect(refusal('front_desk admin')).toBe('forbidden:role_unknown');
    expect(refusal('front_desk,admin')).toBe('forbidden:role_unknown');
    expect(refusal('[front_desk,admin]')).toBe('forbidden:role_unknown');
    expect(refusal('[root admin]')).toBe('forbidden:role_unknown');
    expect(refusal('["front_desk admin"]')).toBe('forbidden:role_unknown');
    // API Gateway's flattened form splits on its single spaces only.
    expect(refusal('[front_desk  admin]')).toBe('forbidden:role_unknown');
    expect(refusal('[front_desk admin]')).toBe('accepted');
    expect(refusal(['front_desk', 'admin'])).toBe('accepted');
    expect(refusal('admin')).toBe('accepted');
  });

  it('refuses missing subjects (401) and missing or malformed tenants (403)', () => {
    const kind = (claims: Parameters<typeof principalFromClaims>[0]) => {
      try {
        principalFromClaims(claims);
        return 'accepted';
      } catch (error) {
        return (error as DomainError).kind;
      }
    };
    expect(kind(undefined)).toBe('unauthenticated');
    expect(kind({ tenant_id: 'acme' })).toBe('unauthenticated');
    expect(kind({ sub: 'u' })).toBe('forbidden');
    expect(kind({ sub: 'u', tenant_id: 'a#b' })).toBe('forbidden');
  });

  it('checks roles from the route table and store scope', () => {
    const clerk = principalFromClaims({
      sub: 'u',
      tenant_id: 't',
      roles: '[front_desk]',
      store_ids: `[${storeA}]`,
    });
    expect(() => assertRole(clerk, ['front_desk', 'admin'])).not.toThrow();
    expect(() => assertRole(clerk, ['admin'])).toThrow(DomainError);
    expect(canActInStore(clerk, storeA)).toBe(true);
    expect(canActInStore(clerk, storeB)).toBe(false);
    const admin = principalFromClaims({ sub: 'a', tenant_id: 't', roles: '[admin]' });
    expect(canActInStore(admin, storeB)).toBe(true);
  });
});
