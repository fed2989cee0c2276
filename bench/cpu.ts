import type { BundleResult } from '../test/kit/bundles';
import type { MeasuredOperation, SetupTools } from '../test/kit/operations';
import { eventFor, functionName } from '../test/kit/targets';
import { lambdaEnvironment, median, percentile, runChild } from './child';
import type { WarmResult } from './runner';

/**
 * CPU per warm request: one `node` process per operation loads the deployed bundle, serves
 * `warmup` invocations untimed, then `invocations` timed ones, one at a time. Each is measured
 * with process.cpuUsage() around the handler call: user + system CPU of the whole process while
 * the request was in flight. Waiting on DynamoDB Local (a separate Java process) costs no CPU
 * here, so it is excluded by construction; wall time is recorded beside it.
 */
export interface CpuSeries {
  readonly operation: string;
  readonly title: string;
  readonly function: string;
  readonly invocations: number;
  readonly medianCpuMs: number;
  readonly p99CpuMs: number;
  readonly medianWallMs: number;
  readonly p99WallMs: number;
  /** Bytes the function logged per invocation (logger at INFO), warm-up included. */
  readonly logBytesPerInvocation: number;
  readonly maxRssBytes: number;
  readonly statuses: Readonly<Record<string, number>>;
}

export async function measureCpu(options: {
  operations: readonly MeasuredOperation[];
  bundles: readonly BundleResult[];
  tools: SetupTools;
  dynamoEndpoint: string;
  tableName: string;
  /** How many invocations (timed, and untimed warm-up) an operation gets. */
  invocationsFor: (op: MeasuredOperation) => { invocations: number; warmup: number };
  log: (line: string) => void;
  /** Extra `node` flags for the child (bench/cpu-only.ts passes `--cpu-prof …` to profile it). */
  nodeFlags?: (op: MeasuredOperation) => readonly string[];
}): Promise<CpuSeries[]> {
  const series: CpuSeries[] = [];
  for (const op of options.operations) {
    const bundle = options.bundles.find((b) => b.name === functionName(op.target));
    if (!bundle) throw new Error(`cpu: no bundle for ${op.id}`);
    const { invocations, warmup } = options.invocationsFor(op);
    const total = warmup + invocations;
    const requestFor = await op.prepare(options.tools, total);
    const events = Array.from({ length: total }, (_, i) => eventFor(op, requestFor(i)));
    const { result, logBytes } = await runChild<WarmResult>(
      { mode: 'warm', bundle: bundle.file, functionName: bundle.name, events, warmup },
      lambdaEnvironment(op.target, options.dynamoEndpoint, options.tableName),
      options.nodeFlags?.(op),
    );
    const unexpected = Object.entries(result.statuses).filter(
      ([status]) => Number(status) !== op.expectStatus,
    );
    if (unexpected.length > 0) {
      throw new Error(
        `cpu: ${op.id} answered ${JSON.stringify(result.statuses)}, expected ${op.expectStatus}`,
      );
    }
    const cpuMs = result.cpuMicros.map((micros) => micros / 1000);
    series.push({
      operation: op.id,
      title: op.title,
      function: bundle.name,
      invocations: result.cpuMicros.length,
      medianCpuMs: median(cpuMs),
      p99CpuMs: percentile(cpuMs, 99),
      medianWallMs: median(result.wallMs),
      p99WallMs: percentile(result.wallMs, 99),
      logBytesPerInvocation: logBytes / total,
      maxRssBytes: result.maxRssBytes,
      statuses: result.statuses,
    });
    options.log(`  cpu: ${op.id} median ${median(cpuMs).toFixed(3)} ms CPU over ${result.cpuMicros.length}`);
  }
  return series;
}
