import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import {
  _default,
  array,
  type infer as Infer,
  maxLength,
  minLength,
  regex,
  strictObject,
  string,
} from 'zod/mini';
import { staffRoleSchema } from '../../shared/access/roles';
import { ulid } from '../../shared/schema/common';

export const localIssuer = 'service-desk-local';
export const localAudience = 'service-desk-local';
const algorithm = 'ES256';
const tokenLifetimeSeconds = 12 * 60 * 60;

export const localTokenRequest = strictObject({
  tenantId: string().check(regex(/^[A-Za-z0-9_-]{1,64}$/, 'Expected 1–64 letters, digits, - or _.')),
  userId: string().check(minLength(1), maxLength(128)),
  roles: array(staffRoleSchema).check(minLength(1)),
  storeIds: _default(array(ulid).check(maxLength(100)), []),
});
export type LocalTokenRequest = Infer<typeof localTokenRequest>;

export interface LocalTokenAuthority {
  issue(request: LocalTokenRequest, now: Date): Promise<{ token: string; expiresAt: string }>;
  /** Checks a bearer token as API Gateway's JWT authorizer does: signature, issuer, audience, expiry. */
  verify(token: string, now: Date): Promise<JWTPayload>;
}

/**
 * The local signing key lives in DATA_DIR so tokens survive restarts; in-memory runs get a
 * throwaway key. Never used in AWS, where Cognito or the configured OIDC issuer signs.
 */
export async function localTokenAuthority(dataDir: string | undefined): Promise<LocalTokenAuthority> {
  const { privateKey, publicKey } = await loadOrCreateKeys(dataDir);
  return {
    async issue(request, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const token = await new SignJWT({
        tenant_id: request.tenantId,
        roles: request.roles,
        store_ids: request.storeIds,
      })
        .setProtectedHeader({ alg: algorithm, typ: 'JWT' })
        .setSubject(request.userId)
        .setIssuer(localIssuer)
        .setAudience(localAudience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + tokenLifetimeSeconds)
        .sign(privateKey);
      return { token, expiresAt: new Date((issuedAt + tokenLifetimeSeconds) * 1000).toISOString() };
    },
    async verify(token, now) {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: localIssuer,
        audience: localAudience,
        algorithms: [algorithm],
        currentDate: now,
      });
      // Flattened to `[a b]` for the handlers, an element holding a space would read as two
      // roles; no identity provider we support issues one, so such a token is refused here.
      const listClaims = [payload.roles, payload.store_ids];
      if (listClaims.some((list) => Array.isArray(list) && list.some((item) => /\s/.test(String(item))))) {
        throw new Error('a list claim element holds white space');
      }
      return payload;
    },
  };
}

type KeyPair = { privateKey: CryptoKey; publicKey: CryptoKey };

async function loadOrCreateKeys(dataDir: string | undefined): Promise<KeyPair> {
  const file = dataDir ? join(dataDir, 'local-signing-key.json') : undefined;
  if (file && existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const { d: _private, ...publicJwk } = jwk;
    return {
      privateKey: (await importJWK(jwk, algorithm)) as CryptoKey,
      publicKey: (await importJWK(publicJwk, algorithm)) as CryptoKey,
    };
  }
  const pair = await generateKeyPair(algorithm, { extractable: true });
  if (file && dataDir) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(await exportJWK(pair.privateKey)), { mode: 0o600 });
  }
  return pair;
}
