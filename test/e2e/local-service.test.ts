import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../shared/http/route-table';
import {
  type ApiClient,
  apiClient,
  completion,
  e2eTimeout,
  freePort,
  type LocalService,
  runLocalService,
  startLocalService,
} from '../kit/local-service';

type Json = Record<string, unknown>;

describe('local service over HTTP (in memory)', () => {
  let service: LocalService;
  let api: ApiClient;

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
  }, e2eTimeout());
  afterAll(async () => {
    expect(await service.stop()).toBe(0);
  }, e2eTimeout());

  it('answers health without a token', async () => {
    const health = await api.call('GET', '/v1/health', { token: null });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
  });

  it('walks token → store → ticket → list, as the README does', async () => {
    const token = await api.token({ tenantId: 'demo', userId: 'alice', roles: ['admin'] });
    const store = await api.call<Json>('POST', '/v1/stores', {
      token,
      body: { code: 'SH01', name: '上海一店', timezone: 'Asia/Shanghai' },
    });
    expect(store.status).toBe(201);
    const ticket = await api.call<Json>('POST', '/v1/tickets', {
      token,
      body: { storeId: store.body.id, type: 'complaint', channel: 'walk_in', subject: '沙发有划痕' },
    });
    expect(ticket.status).toBe(201);
    const list = await api.call<{ items: Json[] }>('GET', `/v1/tickets?storeId=${store.body.id}&status=new`, {
      token,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toEqual([ticket.body.id]);
    const read = await api.call<Json>('GET', `/v1/tickets/${ticket.body.id}`, { token });
    expect(read.body).toEqual(ticket.body);
  });

  it('keeps tenants apart over HTTP', async () => {
    const ownerToken = await api.token({ tenantId: 'owner', userId: 'o', roles: ['admin'] });
    const store = await api.call<Json>('POST', '/v1/stores', {
      token: ownerToken,
      body: { code: 'OW01', name: 'x' },
    });
    const ticket = await api.call<Json>('POST', '/v1/tickets', {
      token: ownerToken,
      body: { storeId: store.body.id, type: 'inquiry', channel: 'phone', subject: '营业时间' },
    });
    const intruder = await api.token({ tenantId: 'intruder', userId: 'i', roles: ['admin'] });
    expect((await api.call('GET', `/v1/tickets/${ticket.body.id}`, { token: intruder })).status).toBe(404);
    expect((await api.call('GET', `/v1/stores/${store.body.id}`, { token: intruder })).status).toBe(404);
    const list = await api.call<{ items: Json[] }>('GET', `/v1/tickets?storeId=${store.body.id}`, {
      token: intruder,
    });
    expect(list.body.items).toEqual([]);
    const clerkElsewhere = await api.token({
      tenantId: 'owner',
      userId: 'c',
      roles: ['front_desk'],
      storeIds: [],
    });
    expect((await api.call('GET', `/v1/tickets/${ticket.body.id}`, { token: clerkElsewhere })).status).toBe(
      403,
    );
  });

  it('refuses missing, malformed and foreign-signed tokens with 401 problems', async () => {
    expect((await api.call('GET', '/v1/stores', { token: null })).status).toBe(401);
    const garbage = await api.call('GET', '/v1/stores', { token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);
    expect(garbage.contentType).toBe('application/problem+json');

    const { privateKey, publicKey } = await generateKeyPair('ES256');
    expect(await exportJWK(publicKey)).toHaveProperty('kty', 'EC');
    const forged = await new SignJWT({ tenant_id: 'demo', roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('mallory')
      .setIssuer('service-desk-local')
      .setAudience('service-desk-local')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect((await api.call('GET', '/v1/stores', { token: forged })).status).toBe(401);
  });

  it('answers unknown routes and methods with problem+json 404s', async () => {
    const unknown = await api.call('GET', '/v1/nothing-here', { token: null });
    expect(unknown.status).toBe(404);
    expect(unknown.contentType).toBe('application/problem+json');
    expect(unknown.body).toMatchObject({ status: 404, code: 'route_not_found' });
    expect((await api.call('DELETE', '/v1/tickets', { token: null })).status).toBe(404);
  });

  it('refuses bad input over HTTP with 4xx problems naming fields', async () => {
    const token = await api.token({ tenantId: 'demo', userId: 'alice', roles: ['admin'] });
    const bad = await api.call<{ errors: { path: string }[] }>('POST', '/v1/tickets', {
      token,
      body: { type: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((error) => error.path).sort()).toEqual([
      'channel',
      'storeId',
      'subject',
      'type',
    ]);
    expect((await api.call('POST', '/v1/tickets', { token, rawBody: '{' })).status).toBe(400);
    expect(
      (await api.call('POST', '/v1/tickets', { token, rawBody: 'a=1', contentType: 'text/plain' })).status,
    ).toBe(415);
    const oversized = await api.call('POST', '/v1/stores', {
      token,
      body: { code: 'BIG1', name: 'x', address: 'y'.repeat(65 * 1024) },
    });
    expect(oversized.status).toBe(413);
    const tokenRequest = await api.call<{ errors: { path: string }[] }>('POST', '/local/tokens', {
      body: { tenantId: 'a#b', roles: ['wizard'] },
    });
    expect(tokenRequest.status).toBe(400);
    expect(tokenRequest.body.errors.map((error) => error.path).sort()).toEqual([
      'roles.0',
      'tenantId',
      'userId',
    ]);
  });

  it('refuses malformed percent-encoding in every path parameter of every route with a 400 problem naming it', {
    timeout: e2eTimeout(0),
  }, async () => {
    const token = await api.token({ tenantId: 'demo', userId: 'alice', roles: ['admin'] });
    const store = await api.call<Json>('POST', '/v1/stores', { token, body: { code: 'PE01', name: '编码' } });
    expect(store.status).toBe(201);
    const opened = await api.call<Json>('POST', '/v1/tickets', {
      token,
      body: { storeId: store.body.id, type: 'inquiry', channel: 'phone', subject: '路径编码' },
    });
    expect(opened.status).toBe(201);
    const tickets = async () => {
      const list = await api.call<{ items: Json[] }>('GET', `/v1/tickets?storeId=${store.body.id}`, {
        token,
      });
      expect(list.status).toBe(200);
      return list.body.items.map((ticket) => ({ id: ticket.id, version: ticket.version }));
    };
    const before = await tickets();
    expect(before).toHaveLength(1);
    const templated = Object.values(httpRoutes).filter((route) => route.path.includes('{'));
    expect(templated.length).toBeGreaterThan(10);
    for (const route of templated) {
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const bad of names) {
        for (const malformed of ['%ZZ', '%C3', '%E0%A4%A', 'x%']) {
          const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            name === bad ? malformed : '01JAAAAAAAAAAAAAAAAAAAAAAA',
          );
          const answer = await api.call<{ status: number; errors: { in: string; path: string }[] }>(
            route.method,
            path,
            { token, ...(route.method === 'GET' ? {} : { body: {} }) },
          );
          const at = `${route.method} ${path}`;
          expect(answer.status, at).toBe(400);
          expect(answer.contentType, at).toBe('application/problem+json');
          expect(answer.body.errors, at).toEqual([expect.objectContaining({ in: 'path', path: bad })]);
        }
      }
    }
    // Refused before the authorizer and the handler: no token needed to learn the path is bad.
    expect((await api.call('GET', '/v1/tickets/%ZZ', { token: null })).status).toBe(400);
    // Well-formed encoding still decodes: an encoded, well-formed id is simply not found.
    expect((await api.call('GET', '/v1/tickets/%30%31JAAAAAAAAAAAAAAAAAAAAAAA', { token })).status).toBe(404);
    expect(await tickets()).toEqual(before);
  });

  it('never answers a 5xx to malformed query encoding or request targets', {
    timeout: e2eTimeout(0),
  }, async () => {
    const token = await api.token({ tenantId: 'demo', userId: 'alice', roles: ['admin'] });
    const lists = Object.values(httpRoutes).filter(
      (route) => route.method === 'GET' && !route.path.includes('{') && route.path.startsWith('/v1/'),
    );
    for (const route of lists) {
      for (const query of [
        'cursor=%ZZ',
        'limit=%C3',
        'status=%',
        '%ZZ=1',
        'from=%E0%A4%A&to=%FF',
        'storeId=%00',
      ]) {
        const at = `${route.path}?${query}`;
        const answer = await api.call(route.method, at, { token });
        expect(answer.status, at).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.contentType, at).toBe('application/problem+json');
      }
    }
    for (const target of ['*', 'http://[oops/v1/tickets', 'v1/tickets', '//v1/tickets/%ZZ']) {
      const answer = await rawRequest(service.url, `GET ${target} HTTP/1.1`);
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.status, target).toBeLessThan(500);
    }
  });

  it('moves the local clock, and tokens expire by it as the JWT authorizer would', {
    timeout: e2eTimeout(0),
  }, async () => {
    const token = await api.token({ tenantId: 'demo', userId: 'alice', roles: ['admin'] });
    const before = await api.call<{ now: string }>('GET', '/local/clock');
    const moved = await api.call<{ now: string; offsetMinutes: number }>('POST', '/local/clock', {
      body: { advanceMinutes: 13 * 60 },
    });
    expect(moved.body.offsetMinutes).toBe(13 * 60);
    expect(Date.parse(moved.body.now) - Date.parse(before.body.now)).toBeGreaterThanOrEqual(13 * 60 * 60_000);
    expect((await api.call('GET', '/v1/stores', { token })).status).toBe(401);
    expect((await api.call('POST', '/local/clock', { body: { advanceMinutes: -5 } })).status).toBe(400);
    // The clock takes times as strictly as any request: a clock beyond 2100 would stall every timer.
    for (const body of [
      { set: '+275760-09-13T00:00:00.000Z' },
      { set: '2026-02-30T10:00:00+08:00' },
      { set: '2026-12-01T10:00:00' },
      { advanceMinutes: 1e12 },
      { advanceMinutes: 1.5 },
    ]) {
      const refused = await api.call<{ errors: { path: string }[] }>('POST', '/local/clock', { body });
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.errors.map((issue) => issue.path)).toEqual(Object.keys(body));
    }
    expect((await api.call<{ offsetMinutes: number }>('GET', '/local/clock')).body.offsetMinutes).toBe(
      13 * 60,
    );
  });
});

describe('local service lifecycle', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'service-desk-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data and signing key in DATA_DIR across a restart, and stops DynamoDB Local on Ctrl-C', {
    timeout: e2eTimeout(2),
  }, async () => {
    const dynamoPort = await freePort();
    const first = await startLocalService({ DATA_DIR: dataDir, DYNAMODB_PORT: String(dynamoPort) });
    const api = apiClient(first.url);
    const token = await api.token({ tenantId: 'keep', userId: 'k', roles: ['admin'] });
    const store = await api.call<Json>('POST', '/v1/stores', {
      token,
      body: { code: 'KP01', name: '持久' },
    });
    expect(store.status).toBe(201);
    expect(await first.stop('SIGINT')).toBe(0);
    expect(await portAnswers(dynamoPort)).toBe(false);

    const second = await startLocalService({ DATA_DIR: dataDir, DYNAMODB_PORT: String(dynamoPort) });
    try {
      const again = apiClient(second.url);
      const read = await again.call<Json>('GET', `/v1/stores/${store.body.id}`, { token });
      expect(read.status).toBe(200);
      expect(read.body).toEqual(store.body);
      expect(second.output()).toContain('(existing)');
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
  });

  it('says plainly when the port is taken', { timeout: e2eTimeout(2) }, async () => {
    const blocker = await startLocalService({}, ['--in-memory']);
    try {
      const port = new URL(blocker.url).port;
      const { code, output } = await completion(runLocalService({ PORT: port }, ['--in-memory']));
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      await blocker.stop();
    }
  });

  it('runs on the DynamoDB Local that DYNAMODB_ENDPOINT names, leaves it running, and refuses a malformed one', {
    timeout: e2eTimeout(1),
  }, async () => {
    const endpoint = process.env.E2E_DYNAMODB_ENDPOINT as string;
    const service = await startLocalService({}, ['--in-memory']);
    const code = await service.stop();
    expect(code).toBe(0);
    expect(service.output()).toContain(`on DynamoDB Local ${endpoint} (already running)`);
    expect(await portAnswers(Number(new URL(endpoint).port))).toBe(true);

    const refused = await completion(
      runLocalService({ DYNAMODB_ENDPOINT: 'localhost:8000', PORT: '0' }, ['--in-memory']),
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('DYNAMODB_ENDPOINT must be a URL');
    expect(refused.output).not.toMatch(/\n\s+at /);
  });

  it('says plainly when Java is missing', { timeout: e2eTimeout(0) }, async () => {
    const { code, output } = await completion(
      runLocalService({ PATH: '/nonexistent', PORT: '0' }, ['--in-memory']),
    );
    expect(code).toBe(1);
    expect(output).toContain('needs a Java 17+ runtime');
    expect(output).not.toMatch(/\n\s+at /);
  });
});

/** One request written to the socket as is, for request targets `fetch` would never send. */
async function rawRequest(baseUrl: string, requestLine: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((answer, failed) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.once('error', failed);
    socket.once('connect', () =>
      socket.write(`${requestLine}\r\nhost: ${hostname}\r\nconnection: close\r\n\r\n`),
    );
    socket.once('close', () => answer({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text }));
  });
}

async function portAnswers(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      answer(true);
    });
    socket.once('error', () => answer(false));
  });
}
