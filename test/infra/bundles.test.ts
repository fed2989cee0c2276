import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../shared/http/route-table';
import { type BundleResult, benchFunctions, buildFunction, bundleHeadroomBytes, KB } from '../kit/bundles';

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
    // One esbuild build per route, one after another: the time grows with the route table (over 120 s
    // for 105 routes on a loaded 2-core machine).
  }, 300_000);

  it('keep only the handler’s own route entry, not the whole route table', async () => {
    const fn = benchFunctions().find((candidate) => candidate.name === 'createTicket');
    if (!fn) throw new Error('createTicket is not in the route table');
    const code = readFileSync((await buildFunction(fn, 'external', outRoot)).file, 'utf8');
    expect(code).toContain(httpRoutes.createTicket.path);
    expect(code).not.toContain(httpRoutes.recordRevisitAttempt.path);
    expect(code).not.toContain('functions/http/list-stores.ts');
  });
});
