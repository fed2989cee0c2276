import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildLambdaContext } from '../../infra/local/events';
import type { HttpHandler } from '../../shared/http/handler';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import {
  type BundleResult,
  benchFunctions,
  buildFunction,
  buildFunctions,
  bundleHeadroomBytes,
  exportHandlers,
  exportHeadroomBytes,
  headroomOf,
  KB,
} from '../kit/bundles';
import { admin, httpEvent } from '../kit/invoke';

const outRoot = mkdtempSync(join(tmpdir(), 'service-desk-bundles-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/**
 * Bundle bytes are deterministic, so they are checked here rather than only in the bench: every
 * HTTP handler, built as CDK builds it with the AWS SDK inside, stays within the GetItem
 * baseline + 100 KB (the cold-start budget of DESIGN.md).
 */
// Builds every function (over a hundred bundles in one esbuild run): a minute or more on a loaded 2-core machine.
describe('handler bundles', { timeout: 900_000 }, () => {
  it('keep every HTTP handler within the GetItem baseline + 100 KB with the SDK bundled (file exports + 200 KB)', async () => {
    const functions = benchFunctions().filter((fn) => fn.kind === 'http' || fn.kind === 'baseline');
    const built = await buildFunctions(functions, 'bundled', outRoot);
    const baseline = built.find((bundle) => bundle.kind === 'baseline');
    if (!baseline) throw new Error('no baseline bundle');
    const limit = baseline.bytes + bundleHeadroomBytes;
    // The stated exception (test/kit/bundles.ts): file exports carry the XLSX writer.
    const limitOf = (bundle: BundleResult) => baseline.bytes + headroomOf(bundle.name);
    const over = built
      .filter((bundle) => bundle.kind === 'http' && bundle.bytes > limitOf(bundle))
      .map((bundle) => `${bundle.name} ${kb(bundle.bytes)} (+${kb(bundle.bytes - baseline.bytes)})`);
    expect(built.filter((bundle) => bundle.kind === 'http')).toHaveLength(Object.keys(httpRoutes).length);
    expect(exportHandlers.filter((name) => !(name in httpRoutes))).toEqual([]);
    expect(over, `limit ${kb(limit)}, file exports ${kb(baseline.bytes + exportHeadroomBytes)}`).toEqual([]);
  });

  it('keep only the handler’s own route entry, not the whole route table', async () => {
    const fn = benchFunctions().find((candidate) => candidate.name === 'createTicket');
    if (!fn) throw new Error('createTicket is not in the route table');
    const code = readFileSync((await buildFunction(fn, 'external', outRoot)).file, 'utf8');
    expect(code).toContain(httpRoutes.createTicket.path);
    expect(code).not.toContain(httpRoutes.recordRevisitAttempt.path);
    expect(code).not.toContain('functions/http/list-stores.ts');
  });
});

describe('files beside the code, as deployed', () => {
  const scalarScript = () => {
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
    return readFileSync(join(dirname(entry), 'browser/standalone.js'));
  };
  /** The function's asset as CDK builds it, or a copy of it without `missing` (a fresh module: a cold start). */
  const built = async (name: HttpRouteName, missing?: string) => {
    const bundle = await buildFunction(
      { name, kind: 'http', entry: httpRoutes[name].handler },
      'bundled',
      outRoot,
    );
    let dir = dirname(bundle.file);
    if (missing) {
      const copy = mkdtempSync(join(outRoot, `${name}-without-`));
      cpSync(dir, copy, { recursive: true });
      rmSync(join(copy, missing));
      dir = copy;
    }
    const module = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { handler: HttpHandler };
    return module.handler;
  };

  // The assets live outside the repository here, as in Lambda: no source tree or node_modules to fall back on.
  it('answers the reference page script from the gzip file beside the code, and fails without it', async () => {
    const call = async (handler: HttpHandler) =>
      handler(httpEvent('getReferencePageScript'), buildLambdaContext('reference-page-script'));
    const response = await call(await built('getReferencePageScript'));
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-encoding': 'gzip',
      'content-type': 'text/javascript; charset=utf-8',
    });
    expect(response.isBase64Encoded).toBe(true);
    // Under Lambda's 6 MB response limit once base64-encoded.
    expect(response.body?.length ?? 0).toBeLessThan(6 * 1024 * 1024);
    expect(gunzipSync(Buffer.from(response.body ?? '', 'base64')).equals(scalarScript())).toBe(true);

    expect((await call(await built('getReferencePageScript', 'scalar.js.gz'))).statusCode).toBe(500);
  });

  it('answers Chinese problems from the texts file beside the code, and general sentences without it', async () => {
    // Read when the module loads; the request below is refused before any table access.
    vi.stubEnv('TABLE_NAME', 'never-reached');
    const detail = async (handler: HttpHandler) => {
      const response = await handler(
        httpEvent('createStore', { caller: admin('bundled-zh'), headers: { 'accept-language': 'zh-CN' } }),
        buildLambdaContext('create-store'),
      );
      expect(response.statusCode).toBe(400);
      return (JSON.parse(response.body ?? '{}') as { detail: string }).detail;
    };
    try {
      expect(await detail(await built('createStore'))).toBe('需要 JSON 请求体。');
      expect(await detail(await built('createStore', 'problem-zh.json'))).toBe(
        '请求无效。（A JSON body is required.）',
      );
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('carries the eligibility engine’s rule texts beside createReturn and checkReturnEligibility, not in their code', async () => {
    for (const name of ['createReturn', 'checkReturnEligibility'] as const) {
      const bundle = await buildFunction(
        { name, kind: 'http', entry: httpRoutes[name].handler },
        'bundled',
        outRoot,
      );
      const texts = JSON.parse(readFileSync(join(dirname(bundle.file), 'rule-texts.json'), 'utf8')) as {
        basis: Record<string, string>;
      };
      expect(texts.basis.art12).toContain('部分商品修理更换退货责任规定 art. 12');
      expect(readFileSync(bundle.file, 'utf8')).not.toContain(texts.basis.art12);
    }
  });

  it('carries the repair desk’s texts beside createRepair and recordRepairStep, not in their code', async () => {
    for (const name of ['createRepair', 'recordRepairStep'] as const) {
      const bundle = await buildFunction(
        { name, kind: 'http', entry: httpRoutes[name].handler },
        'bundled',
        outRoot,
      );
      const texts = JSON.parse(
        readFileSync(join(dirname(bundle.file), 'repair-texts.json'), 'utf8'),
      ) as Record<string, string>;
      expect(texts.basisPaid).toContain('按价目表收费');
      expect(readFileSync(bundle.file, 'utf8')).not.toContain(texts.basisPaid);
    }
  });
});
