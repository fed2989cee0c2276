import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFiles } from '../../infra/bundled-files';
import { buildLambdaContext } from '../../infra/local/events';
import type { HttpHandler } from '../../shared/http/handler';
import { httpRoutes } from '../../shared/http/route-table';
import {
  type BundleResult,
  benchFunctions,
  buildFunction,
  bundleHeadroomBytes,
  KB,
  repoRoot,
} from '../kit/bundles';
import { httpEvent } from '../kit/invoke';

const outRoot = mkdtempSync(join(tmpdir(), 'service-desk-bundles-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/**
 * Bundle bytes are deterministic, so they are checked here rather than only in the bench: every
 * HTTP handler, built as CDK builds it with the AWS SDK inside, stays within the GetItem
 * baseline + 100 KB (the cold-start budget of DESIGN.md).
 */
describe('handler bundles', () => {
  it('keep every HTTP handler within the GetItem baseline + 100 KB with the SDK bundled', async () => {
    const functions = benchFunctions().filter((fn) => fn.kind !== 'scheduled');
    const built: BundleResult[] = [];
    for (const fn of functions) built.push(await buildFunction(fn, 'bundled', outRoot));
    const baseline = built.find((bundle) => bundle.kind === 'baseline');
    if (!baseline) throw new Error('no baseline bundle');
    const limit = baseline.bytes + bundleHeadroomBytes;
    const over = built
      .filter((bundle) => bundle.kind === 'http' && bundle.bytes > limit)
      .map((bundle) => `${bundle.name} ${kb(bundle.bytes)} (+${kb(bundle.bytes - baseline.bytes)})`);
    expect(built.filter((bundle) => bundle.kind === 'http')).toHaveLength(Object.keys(httpRoutes).length);
    expect(over, `limit ${kb(limit)}`).toEqual([]);
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

describe('the reference page script, as deployed', () => {
  const scalarScript = () => {
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
    return readFileSync(join(dirname(entry), 'browser/standalone.js'));
  };
  const fn = {
    name: 'getReferencePageScript',
    kind: 'http',
    entry: httpRoutes.getReferencePageScript.handler,
  } as const;

  // The bundle lives outside the repository here, as in Lambda: no node_modules to fall back on.
  it('answers the gzip file the bundling step puts beside the code, and fails without it', async () => {
    const bundle = await buildFunction(fn, 'bundled', outRoot);
    const commands = bundledFiles.getReferencePageScript?.(repoRoot, dirname(bundle.file)) ?? [];
    expect(commands).toHaveLength(1);
    const module = (await import(pathToFileURL(bundle.file).href)) as { handler: HttpHandler };
    const call = () =>
      module.handler(httpEvent('getReferencePageScript'), buildLambdaContext('reference-page-script'));

    const missing = await call();
    expect(missing.statusCode).toBe(500);

    for (const command of commands) execFileSync('/bin/sh', ['-c', command]);
    const response = await call();
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-encoding': 'gzip',
      'content-type': 'text/javascript; charset=utf-8',
    });
    expect(response.isBase64Encoded).toBe(true);
    const body = Buffer.from(response.body ?? '', 'base64');
    // Under Lambda's 6 MB response limit once base64-encoded.
    expect(response.body?.length ?? 0).toBeLessThan(6 * 1024 * 1024);
    expect(gunzipSync(body).equals(scalarScript())).toBe(true);
  });
});
