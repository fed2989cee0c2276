/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../shared/http/route-table';
import { launchChromium } from '../kit/browser';
import {
  type ApiClient,
  apiClient,
  e2eTimeout,
  type LocalService,
  startLocalService,
} from '../kit/local-service';

const committedDocument = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8'),
);
const documentedPaths = [
  ...new Set(
    Object.values(httpRoutes)
      .map((route) => route.path)
      .filter((path) => path !== '$default'),
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

describe('the reference page (/docs) in Debian chromium, against the local service', () => {
  let service: LocalService;
  let api: ApiClient;
  let browser: Browser;

  beforeAll(async () => {
    service = await startLocalService({}, ['--in-memory']);
    api = apiClient(service.url);
    browser = await launchChromium();
  }, e2eTimeout());
  afterAll(async () => {
    await browser?.close();
    expect(await service.stop()).toBe(0);
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
});
