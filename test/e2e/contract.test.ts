/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceDeskClient } from '../../client';
import { isUndocumented } from '../../scripts/openapi/contract';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { launchChromium } from '../kit/browser';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  freePort,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

const committedDocument = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8'),
);
const documentedPaths = [
  ...new Set(
    (Object.keys(httpRoutes) as HttpRouteName[])
      .filter((name) => !isUndocumented(name))
      .map((name) => httpRoutes[name].path),
  ),
];

/** Waits (bounded) until the page's text holds every one of `texts`; answers the ones still missing. */
async function waitForTexts(page: Page, texts: readonly string[]): Promise<string[]> {
  try {
    await page.waitForFunction(
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text only, never a script's source
      (wanted) => wanted.every((text) => document.body.innerText.includes(text)),
      texts,
      {
        timeout: 60_000,
      },
    );
  } catch {
    // Fall through and report which ones never appeared.
  }
  // biome-ignore lint/performance/useDomNodeTextContent: rendered text only, never a script's source
  const shown = await page.evaluate(() => document.body.innerText);
  return texts.filter((text) => !shown.includes(text));
}

/** A page of another origin (another local port), as a browser client of the API would be. */
async function servePage(port: number): Promise<Server> {
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><html><head><title>前台 app</title></head><body>front desk</body></html>');
  });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  return server;
}

// A page waits up to 60 s for what it must show; the test allows for that wait, a cold start of the
// page's handlers and a loaded machine, so a slow render reports what is missing instead of timing out.
describe('the reference page (/docs) in Debian chromium, against the local service', {
  timeout: 180_000,
}, () => {
  let service: LocalService;
  let api: ApiClient;
  let browser: Browser;
  let allowedPage: Server;
  let otherPage: Server;
  let allowedOrigin: string;
  let otherOrigin: string;

  beforeAll(async () => {
    const [allowedPort, otherPort] = [await freePort(), await freePort()];
    allowedOrigin = `http://127.0.0.1:${allowedPort}`;
    otherOrigin = `http://127.0.0.1:${otherPort}`;
    allowedPage = await servePage(allowedPort);
    otherPage = await servePage(otherPort);
    service = await startLocalService({ CORS_ORIGINS: allowedOrigin }, ['--in-memory']);
    api = apiClient(service.url);
    browser = await launchChromium();
  }, e2eTimeout());
  afterAll(async () => {
    await browser?.close();
    allowedPage?.close();
    otherPage?.close();
    expect(await service?.stop()).toBe(0);
  }, e2eTimeout());

  it('serves the committed OpenAPI document at /v1/openapi.json without a token', async () => {
    const response = await api.call('GET', '/v1/openapi.json', { token: null });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(committedDocument);
  });

  it('renders every route of the route table, from node_modules alone (no request leaves the machine)', async () => {
    const page = await browser.newPage();
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(service.url) && !request.url().startsWith('data:'))
        foreign.push(request.url());
    });
    await page.goto(`${service.url}/docs`);
    expect(await waitForTexts(page, documentedPaths)).toEqual([]);
    expect(await page.title()).toContain('Service desk API');
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('calls the local service from the page: a token, then a store created with a Chinese name', async () => {
    const page = await browser.newPage();
    await page.goto(`${service.url}/docs`);
    const answer = await page.evaluate(async () => {
      const tokenResponse = await fetch('/local/tokens', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ tenantId: 'docs-page', userId: 'alice', roles: ['admin'] }),
      });
      const { token } = (await tokenResponse.json()) as { token: string };
      const created = await fetch('/v1/stores', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ code: 'SH01', name: '上海徐家汇店' }),
      });
      return { status: created.status, body: (await created.json()) as { name: string; code: string } };
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: '上海徐家汇店', code: 'SH01' });
    await page.close();
  });

  it('resolves a problem’s `type` to its section of the reference page', async () => {
    const missing = await api.call<{ type: string; status: number }>('GET', '/v1/no-such-thing', {
      token: null,
    });
    expect(missing.status).toBe(404);
    // RFC 9457: a relative `type` is resolved against the URL the problem came from.
    const typeUrl = new URL(missing.body.type, `${service.url}/v1/no-such-thing`).href;
    expect(typeUrl).toBe(`${service.url}/docs#description/problem-not-found`);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(typeUrl);
    const heading = page.getByRole('heading', { name: 'problem-not-found', exact: true });
    await heading.waitFor({ timeout: 60_000 });
    // The page scrolls the section into view; its text names the status and what it means.
    await page.waitForFunction(
      () => {
        const found = [...document.querySelectorAll('h3')].find(
          (h) => h.textContent?.trim() === 'problem-not-found',
        );
        const top = found?.getBoundingClientRect().top ?? -1;
        return top >= 0 && top < window.innerHeight;
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await waitForTexts(page, ['404 Not found'])).toEqual([]);
    await page.close();
  });

  it('answers a CORS preflight for an allowed origin, without a token, and refuses others', async () => {
    const preflight = (origin: string) =>
      fetch(`${service.url}/v1/tickets`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,idempotency-key',
        },
      });
    const allowed = await preflight(allowedOrigin);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    const other = await preflight(otherOrigin);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('lets a page of an allowed origin call with a token, and the browser blocks any other origin', async () => {
    const token = await api.token({ tenantId: 'cors-page', userId: 'alice', roles: ['admin'] });
    const callFrom = async (origin: string) => {
      const page = await browser.newPage();
      await page.goto(origin);
      const outcome = await page.evaluate(
        async ({ url, bearer }) => {
          try {
            const response = await fetch(`${url}/v1/stores`, {
              method: 'POST',
              headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
              body: JSON.stringify({ code: `CO${Date.now() % 10000}`, name: '跨域门店' }),
            });
            return { status: response.status, location: response.headers.get('location') };
          } catch (error) {
            return { blocked: String(error) };
          }
        },
        { url: service.url, bearer: token },
      );
      await page.close();
      return outcome;
    };
    const allowed = await callFrom(allowedOrigin);
    expect(allowed).toMatchObject({ status: 201 });
    // Exposed to the page's script by access-control-expose-headers.
    expect((allowed as { location: string }).location).toMatch(/^\/v1\/stores\/[0-9A-Z]{26}$/);
    expect(await callFrom(otherOrigin)).toMatchObject({ blocked: expect.stringMatching(/Failed to fetch/) });
  });

  it('answers a problem in Chinese for Accept-Language: zh-CN, and in English otherwise', async () => {
    const token = await api.token({ tenantId: 'zh-problems', userId: 'alice', roles: ['admin'] });
    const badTicket = (language?: string) =>
      api.call<{ title: string; detail: string; errors: { path: string; message: string }[] }>(
        'POST',
        '/v1/tickets',
        {
          token,
          body: { storeId: 'nope', type: 'repair', channel: 'walk_in' },
          headers: language ? { 'accept-language': language } : {},
        },
      );
    const zh = await badTicket('zh-CN,zh;q=0.9,en;q=0.5');
    expect(zh.status).toBe(400);
    expect(zh.body.title).toBe('输入无效');
    expect(zh.body.detail).toBe('请求中有无效字段。');
    expect(Object.fromEntries(zh.body.errors.map((issue) => [issue.path, issue.message]))).toEqual({
      storeId: expect.stringMatching(/^无效字符串/),
      subject: '必填。',
    });
    const en = await badTicket();
    expect(en.body.title).toBe('Invalid input');
    expect(en.body.errors.find((issue) => issue.path === 'subject')?.message).toBe('Required.');
  });

  it('drives the API with the typed client generated from the document (openapi-fetch)', async () => {
    const token = await api.token({ tenantId: 'typed-client', userId: 'alice', roles: ['admin'] });
    const desk = createServiceDeskClient({ baseUrl: service.url, token });
    const store = await desk.POST('/v1/stores', {
      body: { code: 'HZ01', name: '杭州西湖店' },
      params: { header: { 'Idempotency-Key': 'store-hz01' } },
    });
    expect(store.response.status).toBe(201);
    const storeId = store.data?.id ?? '';
    const opened = await desk.POST('/v1/tickets', {
      body: { storeId, type: 'repair', channel: 'walk_in', subject: '冰箱不制冷' },
    });
    expect(opened.response.status).toBe(201);
    expect(opened.data).toMatchObject({ storeId, status: 'new', subject: '冰箱不制冷' });
    const ticketId = opened.data?.id ?? '';
    const listed = await desk.GET('/v1/tickets', { params: { query: { storeId } } });
    expect(listed.data?.items.map((ticket) => ticket.id)).toContain(ticketId);
    const timeline = await desk.GET('/v1/tickets/{ticketId}/timeline', { params: { path: { ticketId } } });
    expect(timeline.data?.items.map((event) => event.kind)).toContain('created');

    // Problems are typed too, and in Chinese when asked.
    const inChinese = createServiceDeskClient({ baseUrl: service.url, token, language: 'zh-CN' });
    const missing = await inChinese.GET('/v1/tickets/{ticketId}', {
      params: { path: { ticketId: '01JDQ7Z6W8G5V4T3S2R1Q0P9N8' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({
      status: 404,
      title: '未找到',
      detail: '工单不存在。',
      code: 'ticket_not_found',
    });
  });
});
