import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CryptoKey, importJWK, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { localTokenAuthority } from '../../infra/local/tokens';

const dataDir = mkdtempSync(join(tmpdir(), 'tokens-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('local token authority', () => {
  it('refuses a correctly signed token whose list element holds white space', async () => {
    const authority = await localTokenAuthority(dataDir);
    const now = new Date('2026-11-26T08:00:00Z');
    const issued = await authority.issue(
      { tenantId: 'acme', userId: 'u1', roles: ['front_desk'], storeIds: [] },
      now,
    );
    await expect(authority.verify(issued.token, now)).resolves.toMatchObject({ roles: ['front_desk'] });

    // Signed with the authority's own key, as someone holding DATA_DIR could.
    const key = (await importJWK(
      JSON.parse(readFileSync(join(dataDir, 'local-signing-key.json'), 'utf8')),
      'ES256',
    )) as CryptoKey;
    const signed = (roles: string[]) =>
      new SignJWT({ tenant_id: 'acme', roles, store_ids: [] })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('u1')
        .setIssuer('service-desk-local')
        .setAudience('service-desk-local')
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(now.getTime() / 1000) + 60)
        .sign(key);
    await expect(authority.verify(await signed(['front_desk', 'admin']), now)).resolves.toBeDefined();
    await expect(authority.verify(await signed(['front_desk admin']), now)).rejects.toThrow(/white space/);
  });
});
