import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { filesBesideCode } from '../../infra/bundled-files';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { streamConsumers } from '../../shared/stream/consumers';
import { queueConsumers, scheduledFunctions } from '../../shared/timers/functions';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const tmpRoot = join(repoRoot, 'bench/results/tmp');

/** `bundled`: the AWS SDK is inside the bundle. `external`: `@aws-sdk/*` comes from the runtime. */
export type SdkMode = 'bundled' | 'external';
export const sdkModes: readonly SdkMode[] = ['bundled', 'external'];

/** 1 KB = 1024 bytes everywhere in the bench. */
export const KB = 1024;
export const bundleHeadroomBytes = 100 * KB;

/**
 * The stated exception: handlers that answer a file for Excel carry the XLSX writer
 * (write-excel-file with fflate, ~75 KB minified; exceljs would be ~1 MB). They are called by
 * someone waiting on a download, not on the desk's request path, so they may use baseline + 200 KB.
 * Every other handler keeps the limit above.
 */
export const exportHandlers: readonly string[] = [
  'getWeeklyStoreReport',
  'getMonthlyStaffAssessment',
  'getSlaReport',
  'exportLedger',
  'exportEquipmentRegister',
  'exportStaffRegister',
  'exportReturnRegister',
  'exportReturnSummary',
  'exportComplaintRegister',
  'exportCompensationApprovals',
  'exportRevisitRegister',
  'getChainReport',
];
export const exportHeadroomBytes = 200 * KB;

/** How far above the baseline a handler's bundle may go: the rule, or the stated exception. */
export const headroomOf = (name: string) =>
  exportHandlers.includes(name) ? exportHeadroomBytes : bundleHeadroomBytes;

export interface BenchFunction {
  /** Route name, scheduled function or consumer name (shared/timers/functions.ts, shared/stream/consumers.ts), or `baseline`. */
  readonly name: string;
  readonly kind: 'http' | 'scheduled' | 'queue' | 'stream' | 'baseline';
  /** Entry module relative to the repository root. */
  readonly entry: string;
}

/**
 * Every function the stack deploys (the route table, the scheduled functions, the timer queues'
 * and the change stream's consumers), plus the GetItem baseline.
 */
export function benchFunctions(): BenchFunction[] {
  return [
    { name: 'baseline', kind: 'baseline', entry: 'bench/baseline/get-item.ts' },
    ...Object.entries(httpRoutes).map(([name, route]) => ({
      name,
      kind: 'http' as const,
      entry: route.handler,
    })),
    ...Object.entries(scheduledFunctions).map(([name, fn]) => ({
      name,
      kind: 'scheduled' as const,
      entry: fn.handler,
    })),
    // The webhook consumer (one attempt per message) and the fan-out are the webhooks' own functions.
    ...Object.entries(queueConsumers).map(([name, fn]) => ({
      name,
      kind: 'queue' as const,
      entry: fn.handler,
    })),
    ...Object.entries(streamConsumers).map(([name, fn]) => ({
      name,
      kind: 'stream' as const,
      entry: fn.handler,
    })),
  ];
}

export interface Contributor {
  /** An npm package (`@aws-sdk/client-dynamodb`) or a first-party folder (`shared/http`). */
  readonly name: string;
  readonly bytes: number;
}

export interface BundleResult {
  readonly name: string;
  readonly kind: BenchFunction['kind'];
  readonly entry: string;
  readonly sdk: SdkMode;
  /** The `index.mjs` Lambda loads. */
  readonly file: string;
  readonly bytes: number;
  /** Deflate size of the bundle (what the deployment zip roughly holds). */
  readonly deflatedBytes: number;
  /** The source map shipped beside it (`sourceMap: true` in the stack); never loaded unless an error is printed. */
  readonly sourceMapBytes: number;
  readonly contributors: readonly Contributor[];
}

/**
 * Builds one function the way CDK's NodejsFunction does with the options in infra/stack.ts
 * (`minify`, `sourceMap`, ESM, `target: node22`, `mainFields: module,main`, `charset: utf8`, the createRequire banner);
 * NodejsFunction runs esbuild with `platform: node` and `bundle: true`, and for Node 18+ runtimes
 * adds `external: ['@aws-sdk/*']` unless `externalModules` says otherwise.
 */
export async function buildFunction(
  fn: BenchFunction,
  sdk: SdkMode,
  outRoot = join(tmpRoot, 'bundles'),
): Promise<BundleResult> {
  return (await buildFunctions([fn], sdk, outRoot))[0] as BundleResult;
}

/**
 * Builds several functions in one esbuild run: one output per entry, each bundled on its own
 * (no code splitting), exactly as separate runs would; the shared modules are parsed once.
 */
export async function buildFunctions(
  fns: readonly BenchFunction[],
  sdk: SdkMode,
  outRoot = join(tmpRoot, 'bundles'),
): Promise<BundleResult[]> {
  const outdir = join(outRoot, sdk);
  for (const fn of fns) {
    rmSync(join(outdir, fn.name), { recursive: true, force: true });
    mkdirSync(join(outdir, fn.name), { recursive: true });
  }
  const result = await build({
    entryPoints: fns.map((fn) => ({ in: join(repoRoot, fn.entry), out: `${fn.name}/index` })),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    sourcemap: true,
    mainFields: ['module', 'main'],
    charset: 'utf8',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    external: sdk === 'external' ? ['@aws-sdk/*'] : [],
    metafile: true,
    logLevel: 'silent',
  });
  return fns.map((fn) => {
    const outfile = join(outdir, fn.name, 'index.mjs');
    // What CDK's afterBundling hook adds beside the code (infra/bundled-files.ts), as Lambda gets it.
    if (fn.kind === 'http') {
      for (const command of filesBesideCode(fn.name as HttpRouteName, repoRoot, dirname(outfile))) {
        execFileSync('/bin/sh', ['-c', command]);
      }
    }
    const code = readFileSync(outfile);
    const mapFile = `${outfile}.map`;
    return {
      name: fn.name,
      kind: fn.kind,
      entry: fn.entry,
      sdk,
      file: outfile,
      bytes: code.length,
      deflatedBytes: deflateRawSync(code, { level: 9 }).length,
      sourceMapBytes: existsSync(mapFile) ? readFileSync(mapFile).length : 0,
      contributors: contributors(result.metafile, outfile),
    };
  });
}

/** Groups the bundle's bytes by npm package or first-party folder, largest first. */
export function contributors(metafile: Metafile, outfile: string): Contributor[] {
  const output = Object.entries(metafile.outputs).find(([path]) => resolve(path) === resolve(outfile))?.[1];
  if (!output) return [];
  const totals = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = ownerOf(path);
    totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((entry) => entry.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
}

function ownerOf(inputPath: string): string {
  const path = relative(repoRoot, resolve(inputPath)).replaceAll('\\', '/');
  const nodeModules = path.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const parts = path.slice(nodeModules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : path;
}

export async function buildAll(): Promise<BundleResult[]> {
  const results: BundleResult[] = [];
  for (const sdk of sdkModes) results.push(...(await buildFunctions(benchFunctions(), sdk)));
  return results;
}

/** What infra/stack.ts deploys today: NodejsFunction's default unless `externalModules` is set. */
export function stackSdkMode(): { mode: SdkMode; source: string } {
  const stackFile = join(repoRoot, 'infra/stack.ts');
  if (!existsSync(stackFile)) {
    return { mode: 'external', source: 'infra/stack.ts not found; NodejsFunction default assumed' };
  }
  const text = readFileSync(stackFile, 'utf8');
  if (/externalModules\s*:\s*\[\s*\]/.test(text)) {
    return { mode: 'bundled', source: 'infra/stack.ts sets externalModules: []' };
  }
  if (/externalModules/.test(text)) {
    return { mode: 'external', source: 'infra/stack.ts sets externalModules (assumed to keep @aws-sdk/*)' };
  }
  return {
    mode: 'external',
    source: 'infra/stack.ts leaves externalModules unset: NodejsFunction externalizes @aws-sdk/*',
  };
}
