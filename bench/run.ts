import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { startDynamoDbLocal } from '../infra/local/dynamodb';
import {
  buildAll,
  bundleHeadroomBytes,
  KB,
  repoRoot,
  type SdkMode,
  stackSdkMode,
  tmpRoot,
} from '../test/kit/bundles';
import { freePort } from '../test/kit/local-service';
import {
  type MeasuredOperation,
  measured,
  operations,
  pending,
  routeNowServing,
  typicalLife,
} from '../test/kit/operations';
import { functionName } from '../test/kit/targets';
import { lambdaMemoryMb, median, useLocalTable } from './child';
import type { ColdSeries } from './cold-init';
import { helpDeskSeat, type OperationInputs, prices, pricesAsOf } from './cost';
import type { CpuSeries } from './cpu';
import { type BenchResults, markdown, summary } from './report';

/**
 * `npm run bench`: bundles, cold init, warm CPU, capacity units, local HTTP load, cost model.
 * Writes bench/results/latest.md (every table), latest.json (rounded headline figures) and the
 * whole record to bench/results/tmp/latest.full.json (untracked). `--quick` runs fewer rounds
 * (for working on the bench itself) and writes bench/results/tmp/quick.{json,md} instead.
 */
const quick = process.argv.includes('--quick');
const settings = quick
  ? {
      coldRuns: 3,
      cpuInvocations: 200,
      cpuWarmup: 20,
      durationInvocations: 50,
      loadSeconds: 5,
      warmupSeconds: 2,
    }
  : {
      coldRuns: 10,
      cpuInvocations: 1000,
      cpuWarmup: 100,
      durationInvocations: 200,
      loadSeconds: 20,
      warmupSeconds: 5,
    };
const targets = { bundleHeadroomKb: bundleHeadroomBytes / KB, coldRatio: 1.5, rssMb: 128, cpuMedianMs: 1.5 };
const benchTable = 'bench';
const resultsDir = join(repoRoot, 'bench/results');

const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
const failures: { phase: string; error: string }[] = [];

async function phase<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  log(`${name}…`);
  try {
    return await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    failures.push({ phase: name, error: message.split('\n').slice(0, 8).join(' | ') });
    log(`${name} FAILED: ${message}`);
    return undefined;
  }
}

function commit(): string {
  try {
    const sha = execSync('git rev-parse --short HEAD', { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execSync('git status --porcelain', { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} + uncommitted changes` : sha;
  } catch {
    return 'unknown';
  }
}

/** The SDK mode this run's cold-init numbers favour, and why. */
function recommendSdk(cold: readonly ColdSeries[] | undefined): {
  recommended: SdkMode | undefined;
  reason: string;
} {
  if (!cold) return { recommended: undefined, reason: 'cold init was not measured.' };
  const ok = cold.filter((s) => !s.failure && s.operation !== 'baseline');
  const both = [...new Set(ok.map((s) => s.function))].filter(
    (fn) =>
      ok.some((s) => s.function === fn && s.sdk === 'bundled') &&
      ok.some((s) => s.function === fn && s.sdk === 'external'),
  );
  if (both.length === 0) return { recommended: undefined, reason: 'no function was measured in both modes.' };
  const pick = (sdk: SdkMode, key: 'medianTotalMs' | 'medianInitMs' | 'maxRssBytes') =>
    median(both.map((fn) => ok.find((s) => s.function === fn && s.sdk === sdk)?.[key] ?? Number.NaN));
  const bundled = pick('bundled', 'medianTotalMs');
  const external = pick('external', 'medianTotalMs');
  const recommended: SdkMode = bundled <= external ? 'bundled' : 'external';
  const reason =
    `over ${both.length} functions, the median cold start (init + first invocation) is ${bundled.toFixed(0)} ms with the SDK bundled ` +
    `and ${external.toFixed(0)} ms with it taken from node_modules as the runtime would provide it ` +
    `(init alone ${pick('bundled', 'medianInitMs').toFixed(0)} vs ${pick('external', 'medianInitMs').toFixed(0)} ms; ` +
    `peak RSS ${(pick('bundled', 'maxRssBytes') / 2 ** 20).toFixed(0)} vs ${(pick('external', 'maxRssBytes') / 2 ** 20).toFixed(0)} MB). ` +
    (recommended === 'bundled'
      ? 'Bundling wins: one minified file parses faster than the SDK’s many CommonJS files, and the bundle pins the SDK version we test with.'
      : 'The runtime’s SDK wins here: the bundles are far smaller, and loading the SDK from disk costs less than parsing it inside the bundle.');
  return { recommended, reason };
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  rmSync(join(tmpRoot, 'jobs'), { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  mkdirSync(tmpRoot, { recursive: true });
  const stack = stackSdkMode();
  log(`bench${quick ? ' (--quick)' : ''}: SDK deployed ${stack.mode} (${stack.source})`);

  const bundles = await phase('bundles', buildAll);

  const loadBefore = loadavg();
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  // Never leave a Java process behind, whatever ends this one (Ctrl-C included).
  process.on('exit', () => dynamo.process.kill('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
  let createTransaction: Record<string, unknown>[] | undefined;
  let cold: ColdSeries[] | undefined;
  let cpu: CpuSeries[] | undefined;
  let capacity: BenchResults['capacity'];
  try {
    await useLocalTable(dynamo.endpoint, benchTable);
    const { setupTools } = await import('../test/kit/setup-tools');
    const { measureCapacity, capturedTransactWrites } = await import('../test/kit/capacity');
    const { checkCapacity, loadBudget } = await import('../test/kit/capacity-budget');
    const { measureColdInit } = await import('./cold-init');
    const { measureCpu } = await import('./cpu');

    capacity = await phase('capacity units', async () => {
      const budget = loadBudget();
      const out: NonNullable<BenchResults['capacity']>[number][] = [];
      for (const op of measured('capacity')) {
        const measurement = await measureCapacity(op, setupTools, 3);
        if (op.id === 'createTicket') createTransaction = capturedTransactWrites().at(-1);
        const check = checkCapacity(op.id, measurement.tally, budget);
        out.push({ ...measurement, budget: budget.operations[op.id], check });
        log(
          `  ${op.id}: ${measurement.tally.readUnits} RRU, ${measurement.tally.writeUnits} WRU${check.ok ? '' : ` — ${check.violations.join('; ')}`}`,
        );
      }
      return out;
    });

    if (bundles) {
      cold = await phase('cold init', () =>
        measureColdInit({
          operations: measured('cold'),
          bundles,
          tools: setupTools,
          dynamoEndpoint: dynamo.endpoint,
          tableName: benchTable,
          runs: settings.coldRuns,
          log,
        }),
      );
      cpu = await phase('warm CPU and duration', () =>
        measureCpu({
          operations: [...new Set([...measured('cpu'), ...measured('duration')])],
          bundles: bundles.filter((b) => b.sdk === stack.mode),
          tools: setupTools,
          dynamoEndpoint: dynamo.endpoint,
          tableName: benchTable,
          invocationsFor: (op) =>
            op.measures.includes('cpu')
              ? { invocations: settings.cpuInvocations, warmup: settings.cpuWarmup }
              : { invocations: settings.durationInvocations, warmup: settings.cpuWarmup },
          log,
        }),
      );
    }
  } finally {
    await dynamo.stop();
  }

  const load = await phase('local HTTP load', async () => {
    if (!createTransaction)
      throw new Error('no create-ticket transaction was captured (capacity phase failed?)');
    const { measureLoad } = await import('./load');
    return measureLoad({
      connections: 32,
      durationSeconds: settings.loadSeconds,
      warmupSeconds: settings.warmupSeconds,
      stores: 16,
      createTransaction,
      log,
    });
  });

  const cost = await phase('cost model', async () => {
    const { costModel } = await import('./cost');
    const inputs: OperationInputs[] = typicalLife.map(({ operation, count }) => {
      const op = operations.find((candidate) => candidate.id === operation);
      const title = op?.title ?? operation;
      if (op?.status !== 'measured') return { operation, title, count, missing: 'not yet implemented' };
      if (op.target.kind === 'flow') {
        return {
          operation,
          title,
          count,
          missing:
            'queue work (sweeper + SQS + consumer): its DynamoDB units are in §4, the rest is priced in docs/scheduling.md',
        };
      }
      const c = capacity?.find((entry) => entry.operation === operation);
      const d = cpu?.find((entry) => entry.operation === operation);
      if (!c || !d) return { operation, title, count, missing: 'measurement failed in this run' };
      return {
        operation,
        title,
        count,
        capacity: c.tally,
        durationMs: d.medianWallMs,
        logBytes: d.logBytesPerInvocation,
      };
    });
    return { ...costModel(inputs, lambdaMemoryMb), prices, pricesAsOf, seat: helpDeskSeat };
  });

  const measuredFunctions = new Set(measured('cold').map((op: MeasuredOperation) => functionName(op.target)));
  const sdk = recommendSdk(cold);
  const results: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      durationSeconds: (performance.now() - started) / 1000,
      quick,
      commit: commit(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGb: totalmem() / 2 ** 30,
      loadAverage: { atStart: loadBefore[0] ?? 0, atEnd: loadavg()[0] ?? 0 },
      lambdaTarget: 'Node 22 on arm64 (Graviton), 256 MB',
    },
    targets,
    sdk: { deployed: stack.mode, deployedSource: stack.source, ...sdk },
    ...(bundles
      ? {
          bundles: bundles.map((b) => ({
            ...b,
            file: relative(repoRoot, b.file),
            contributors: b.contributors.slice(0, 15),
          })),
        }
      : {}),
    ...(cold ? { coldInit: cold } : {}),
    ...(cpu ? { cpu } : {}),
    ...(capacity ? { capacity } : {}),
    ...(load ? { load } : {}),
    ...(cost ? { cost } : {}),
    notYetImplemented: pending().map((op) => {
      if ('method' in op.expected) {
        const serving = routeNowServing(op);
        const where = `${op.expected.method} ${op.expected.path}`;
        return {
          operation: op.id,
          title: op.title,
          where: serving ? `${where} (the route table now has ${serving}: add its bench entry)` : where,
        };
      }
      const present = op.expected.files.filter((file) => existsSync(join(repoRoot, file)));
      return {
        operation: op.id,
        title: op.title,
        where:
          present.length > 0
            ? `${op.expected.note} (${present.join(', ')} now exist: add its bench entry)`
            : op.expected.note,
      };
    }),
    withoutBenchEntry: (bundles ?? [])
      .filter((b) => b.sdk === stack.mode && b.kind !== 'baseline' && !measuredFunctions.has(b.name))
      .map((b) => `${b.name} (${b.entry})`),
    failures,
  };
  // A --quick run never replaces the committed results.
  const outDir = quick ? tmpRoot : resultsDir;
  const stem = quick ? 'quick' : 'latest';
  writeFileSync(join(outDir, `${stem}.json`), `${JSON.stringify(summary(results), null, 2)}\n`);
  writeFileSync(join(outDir, `${stem}.md`), markdown(results));
  writeFileSync(join(tmpRoot, `${stem}.full.json`), `${JSON.stringify(results, null, 2)}\n`);
  log(
    `wrote ${relative(repoRoot, join(outDir, stem))}.json and .md in ${results.meta.durationSeconds.toFixed(0)} s`,
  );
  console.log(`\n${markdown(results).split('## 1.')[0]}`);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
