import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalServer } from '../../infra/local/server';
import { localTokenAuthority } from '../../infra/local/tokens';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { freshTenant } from '../kit/invoke';

/*
 * Path parameters as the local server decodes them from the URL (in-process invoke() hands
 * handlers parameters already decoded, so only a real HTTP request reaches this code). Every
 * route with a path parameter, every malformed escape: a problem+json 4xx, never a 5xx.
 */

const badEscapes = ['%ZZ', '%', '%E0%A4%A', '%C0%80', '%ED%A0%80', '%FF', 'abc%2', '%u0041'] as const;

const routesWithParameters = (Object.keys(httpRoutes) as HttpRouteName[]).filter((name) =>
  httpRoutes[name].path.includes('{'),
);

describe('the local server and percent-encoding in path parameters', () => {
  let base: string;
  let token: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const tokens = await localTokenAuthority(undefined);
    const server = createLocalServer({ tokens, repoRoot: resolve(import.meta.dirname, '../..') });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((closed) => server.close(() => closed()));
    ({ token } = await tokens.issue(
      { tenantId: freshTenant('encoding'), userId: 'admin-encoding', roles: ['admin'], storeIds: [] },
      new Date(),
    ));
  });
  afterAll(async () => close?.());

  it.each(routesWithParameters)(
    '%s: a malformed escape in a path parameter is a 4xx problem',
    async (routeName) => {
      const route = httpRoutes[routeName];
      const failures: string[] = [];
      for (const malformed of badEscapes) {
        const path = route.path.replace(/\{[^}]+\}/g, `01J0${malformed}`);
        const response = await fetch(`${base}${path}`, {
          method: route.method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          ...(route.method === 'GET' ? {} : { body: '{}' }),
        });
        const type = response.headers.get('content-type') ?? '';
        const body = await response.text();
        if (response.status < 400 || response.status >= 500 || !type.startsWith('application/problem+json')) {
          failures.push(`${route.method} ${path} → ${response.status} ${type} ${body.slice(0, 120)}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('a well-formed escape still decodes: %30 is the digit 0 of an id', async () => {
    const response = await fetch(`${base}/v1/tickets/%30${'1J0ZZZZZZZZZZZZZZZZZZZZZZ'}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('ticket_not_found');
  });
});
