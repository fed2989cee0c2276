import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildLambdaContext } from '../infra/local/events';

/**
 * Runs inside a fresh `node` process, bundled by bench/cold-init.ts into one small file so the
 * runner itself adds next to nothing. Reads a job (bundle, events), loads the bundle, invokes it,
 * and writes timings to the result file. `cold`: load + one invocation. `warm`: load, `warmup`
 * invocations, then one timed invocation per remaining event.
 */
export interface RunnerJob {
  readonly mode: 'cold' | 'warm';
  readonly bundle: string;
  readonly functionName: string;
  readonly events: readonly unknown[];
  readonly warmup: number;
}

export interface ColdResult {
  readonly mode: 'cold';
  /** Milliseconds from process start until the runner was about to import the bundle. */
  readonly runnerReadyMs: number;
  /** Importing the bundle: module evaluation, SDK clients, config. Lambda's INIT phase. */
  readonly initMs: number;
  readonly firstInvokeMs: number;
  readonly status: number | undefined;
  readonly rssBytes: number;
  readonly maxRssBytes: number;
}

export interface WarmResult {
  readonly mode: 'warm';
  /** CPU microseconds (user + system) per timed invocation. */
  readonly cpuMicros: readonly number[];
  /** Wall-clock milliseconds per timed invocation. */
  readonly wallMs: readonly number[];
  readonly statuses: Readonly<Record<string, number>>;
  readonly maxRssBytes: number;
}

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode?: number } | undefined>;

const statusOf = (response: unknown) =>
  typeof response === 'object' && response && 'statusCode' in response
    ? Number((response as { statusCode: unknown }).statusCode)
    : undefined;

async function main(): Promise<void> {
  const [jobFile, resultFile] = process.argv.slice(2);
  if (!jobFile || !resultFile) throw new Error('usage: runner <job.json> <result.json>');
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as RunnerJob;
  const bundleUrl = pathToFileURL(job.bundle).href;

  const started = performance.now();
  const { handler } = (await import(bundleUrl)) as { handler: Handler };
  const loaded = performance.now();

  if (job.mode === 'cold') {
    const response = await handler(job.events[0], buildLambdaContext(job.functionName));
    const served = performance.now();
    const result: ColdResult = {
      mode: 'cold',
      runnerReadyMs: started,
      initMs: loaded - started,
      firstInvokeMs: served - loaded,
      status: statusOf(response),
      rssBytes: process.memoryUsage().rss,
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    };
    writeFileSync(resultFile, JSON.stringify(result));
    return;
  }

  const cpuMicros: number[] = [];
  const wallMs: number[] = [];
  const statuses: Record<string, number> = {};
  for (const [index, event] of job.events.entries()) {
    const context = buildLambdaContext(job.functionName);
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const response = await handler(event, context);
    const wall = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    const status = String(statusOf(response));
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (index < job.warmup) continue;
    cpuMicros.push(cpu.user + cpu.system);
    wallMs.push(wall);
  }
  const result: WarmResult = {
    mode: 'warm',
    cpuMicros,
    wallMs,
    statuses,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  writeFileSync(resultFile, JSON.stringify(result));
}

await main();
