import type { BundleResult, SdkMode } from '../test/kit/bundles';
import type { MeasuredOperation, RequestFor, SetupTools } from '../test/kit/operations';
import { eventFor, functionName } from '../test/kit/targets';
import { lambdaEnvironment, median, runChild } from './child';
import type { ColdResult } from './runner';

/**
 * Cold init: a fresh `node` process loads a bundle and serves one invocation against DynamoDB
 * Local. Timed inside the process, from just before `import(bundle)` to the handler's answer, so
 * Node's own start (the same for every function) does not dilute the ratios. Runs go round-robin
 * over every (function, SDK mode) so drift on the machine hits all of them alike; the first
 * round only warms the file cache and is discarded.
 */
export interface ColdSample {
  readonly initMs: number;
  readonly firstInvokeMs: number;
  readonly totalMs: number;
  readonly maxRssBytes: number;
  readonly processMs: number;
}

export interface ColdSeries {
  readonly operation: string;
  readonly function: string;
  readonly sdk: SdkMode;
  readonly bundleBytes: number;
  readonly runs: number;
  readonly medianInitMs: number;
  readonly medianFirstInvokeMs: number;
  /** init + first invocation, median over the runs. */
  readonly medianTotalMs: number;
  /** medianTotalMs ÷ the baseline's medianTotalMs in the same SDK mode, same run. */
  readonly ratioToBaseline: number;
  readonly maxRssBytes: number;
  readonly medianProcessMs: number;
  readonly status: number | undefined;
  /** Set when the function could not start or answered with a 5xx. */
  readonly failure?: string;
}

export async function measureColdInit(options: {
  operations: readonly MeasuredOperation[];
  bundles: readonly BundleResult[];
  tools: SetupTools;
  dynamoEndpoint: string;
  tableName: string;
  runs: number;
  log: (line: string) => void;
}): Promise<ColdSeries[]> {
  const { operations, bundles, runs } = options;
  const requests = new Map<string, { requestFor: RequestFor; next: number }>();
  const modes = new Set(bundles.map((b) => b.sdk)).size;
  for (const op of operations) {
    requests.set(op.id, { requestFor: await op.prepare(options.tools, (runs + 1) * modes), next: 0 });
  }

  type Cell = {
    op: MeasuredOperation;
    bundle: BundleResult;
    samples: ColdSample[];
    failure?: string;
    status?: number;
  };
  const cells: Cell[] = [];
  for (const op of operations) {
    for (const bundle of bundles.filter((b) => b.name === functionName(op.target))) {
      cells.push({ op, bundle, samples: [] });
    }
  }

  for (let round = 0; round <= runs; round++) {
    for (const cell of cells) {
      if (cell.failure) continue;
      const request = requests.get(cell.op.id);
      if (!request) throw new Error(`no request for ${cell.op.id}`);
      const event = eventFor(cell.op, request.requestFor(request.next++));
      try {
        const { result, processMs } = await runChild<ColdResult>(
          {
            mode: 'cold',
            bundle: cell.bundle.file,
            functionName: cell.bundle.name,
            events: [event],
            warmup: 0,
          },
          lambdaEnvironment(cell.op.target, options.dynamoEndpoint, options.tableName),
        );
        cell.status = result.status;
        if (cell.op.expectStatus !== undefined && result.status !== cell.op.expectStatus) {
          cell.failure = `answered ${result.status}, expected ${cell.op.expectStatus}`;
          continue;
        }
        if (round === 0) continue;
        cell.samples.push({
          initMs: result.initMs,
          firstInvokeMs: result.firstInvokeMs,
          totalMs: result.initMs + result.firstInvokeMs,
          maxRssBytes: result.maxRssBytes,
          processMs,
        });
      } catch (error) {
        cell.failure = (error as Error).message.split('\n').slice(0, 6).join(' | ');
      }
    }
    options.log(`  cold init: round ${round}/${runs}${round === 0 ? ' (warm-up, discarded)' : ''}`);
  }

  const series = cells.map((cell) => ({
    operation: cell.op.id,
    function: cell.bundle.name,
    sdk: cell.bundle.sdk,
    bundleBytes: cell.bundle.bytes,
    runs: cell.samples.length,
    medianInitMs: median(cell.samples.map((s) => s.initMs)),
    medianFirstInvokeMs: median(cell.samples.map((s) => s.firstInvokeMs)),
    medianTotalMs: median(cell.samples.map((s) => s.totalMs)),
    maxRssBytes: Math.max(0, ...cell.samples.map((s) => s.maxRssBytes)),
    medianProcessMs: median(cell.samples.map((s) => s.processMs)),
    status: cell.status,
    ...(cell.failure ? { failure: cell.failure } : {}),
  }));
  return series.map((entry) => {
    const baseline = series.find((s) => s.operation === 'baseline' && s.sdk === entry.sdk);
    return {
      ...entry,
      ratioToBaseline: baseline ? entry.medianTotalMs / baseline.medianTotalMs : Number.NaN,
    };
  });
}
