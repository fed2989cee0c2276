import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ensureTable, localAwsEnvironment } from '../infra/local/dynamodb';
import { httpRoutes } from '../shared/http/route-table';
import { scheduledFunctions } from '../shared/timers/functions';
import { repoRoot, tmpRoot } from '../test/kit/bundles';
import type { Target } from '../test/kit/operations';
import type { ColdResult, RunnerJob, WarmResult } from './runner';

/** Lambda's memory setting in infra/stack.ts (`memorySize: 256`); the cost model bills it. */
export const lambdaMemoryMb = 256;

/**
 * The bench's table on DynamoDB Local, and this process pointed at it the way Lambda is configured:
 * in the environment, before any handler module loads.
 */
export async function useLocalTable(endpoint: string, tableName: string): Promise<void> {
  await ensureTable(endpoint, tableName);
  Object.assign(process.env, localAwsEnvironment, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: endpoint,
    LOG_LEVEL: 'SILENT',
  });
}

let runnerFile: string | undefined;

/** Bundles bench/runner.ts into one small ESM file that a bare `node` can run. */
export async function buildRunner(): Promise<string> {
  if (runnerFile) return runnerFile;
  const outfile = join(tmpRoot, 'runner.mjs');
  await build({
    entryPoints: [join(repoRoot, 'bench/runner.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'silent',
  });
  runnerFile = outfile;
  return outfile;
}

/**
 * The environment Lambda gives the function, as infra/stack.ts configures it: TABLE_NAME only
 * for functions with table access, logger at INFO, source maps enabled. Nothing else from
 * this process leaks in (no tsx loader, no NODE_OPTIONS of ours).
 */
export function lambdaEnvironment(target: Target, dynamoEndpoint: string, tableName: string) {
  const tableAccess =
    target.kind === 'http'
      ? httpRoutes[target.route].tableAccess
      : target.kind === 'scheduled'
        ? scheduledFunctions[target.name].tableAccess
        : 'read';
  const name =
    target.kind === 'http' || target.kind === 'flow'
      ? target.kind === 'http'
        ? target.route
        : target.name
      : target.kind === 'scheduled'
        ? target.name
        : 'baseline';
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    ...localAwsEnvironment,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    ...(tableAccess === 'none' ? {} : { TABLE_NAME: tableName }),
    SERVICE_NAME: 'service-desk',
    LOG_LEVEL: 'INFO',
    NODE_OPTIONS: '--enable-source-maps',
    AWS_LAMBDA_FUNCTION_NAME: name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(lambdaMemoryMb),
    // Lambda runs Node 22; the SDK's notice about this Node 20 machine is noise.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

export interface ChildOutcome<R> {
  readonly result: R;
  /** Bytes the function wrote to stdout/stderr: what CloudWatch Logs would ingest from it. */
  readonly logBytes: number;
  /** Wall time from spawn to exit, as seen from here. */
  readonly processMs: number;
}

let jobCounter = 0;

/** Runs one job in a fresh `node` process; rejects with the child's output when it fails. */
export async function runChild<R extends ColdResult | WarmResult>(
  job: RunnerJob,
  env: Record<string, string>,
  nodeFlags: readonly string[] = [],
): Promise<ChildOutcome<R>> {
  const runner = await buildRunner();
  const dir = join(tmpRoot, 'jobs');
  mkdirSync(dir, { recursive: true });
  const id = `${process.pid}-${jobCounter++}`;
  const jobFile = join(dir, `${id}.job.json`);
  const resultFile = join(dir, `${id}.result.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, runner, jobFile, resultFile], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logBytes = 0;
  let output = '';
  const collect = (chunk: Buffer) => {
    logBytes += chunk.length;
    if (output.length < 20_000) output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  const processMs = performance.now() - started;
  try {
    if (code !== 0)
      throw new Error(`${job.functionName} (${job.mode}) exited with ${code}:\n${output.trim()}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as R;
    return { result, logBytes, processMs };
  } finally {
    rmSync(jobFile, { force: true });
    rmSync(resultFile, { force: true });
  }
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}
