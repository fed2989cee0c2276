import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal } from '../infra/local/dynamodb';
import {
  type BenchFunction,
  type BundleResult,
  benchFunctions,
  buildFunctions,
  stackSdkMode,
  tmpRoot,
} from '../test/kit/bundles';
import { freePort } from '../test/kit/local-service';
import { operations } from '../test/kit/operations';
import { functionName } from '../test/kit/targets';
import { median, useLocalTable } from './child';

/**
 * Only the warm-CPU phase of `npm run bench`, for a few operations, repeated: for working on
 * the CPU a request costs without the whole bench. Results are printed, never written to
 * bench/results.
 *
 *   npx tsx bench/cpu-only.ts [--rounds 3] [--invocations 1000] [--warmup 100] [--prof] baseline createTicket getTicket
 *
 * `--prof` also writes one V8 CPU profile per run to bench/results/tmp/prof/. To compare two
 * versions of the code on a busy machine, build each once with `--save <label>` (bundles kept
 * in bench/results/tmp/ab/<label>, nothing measured), then `--compare before,after`: every round
 * runs each label in turn, so a change in the machine's load falls on both alike.
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    invocations: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '100' },
    prof: { type: 'boolean', default: false },
    save: { type: 'string' },
    compare: { type: 'string' },
  },
});
const ids = positionals.length > 0 ? positionals : ['baseline', 'createTicket', 'getTicket'];
const chosen = ids.map((id) => {
  const op = operations.find((candidate) => candidate.id === id);
  if (op?.status !== 'measured') throw new Error(`cpu-only: no measured operation ${id}`);
  return op;
});
const profDir = join(tmpRoot, 'prof');
if (values.prof) mkdirSync(profDir, { recursive: true });
const abRoot = join(tmpRoot, 'ab');

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const stack = stackSdkMode();
const names = new Set(chosen.map((op) => functionName(op.target)));
const fns: BenchFunction[] = benchFunctions().filter((fn) => names.has(fn.name));

if (values.save) {
  const dir = join(abRoot, values.save);
  const built = await buildFunctions(fns, stack.mode, dir);
  writeFileSync(join(dir, 'bundles.json'), JSON.stringify(built));
  console.log(`saved ${built.map((b) => b.name).join(', ')} as ${values.save}`);
  process.exit(0);
}

/** Label → the bundles it runs: saved ones with --compare, else this tree's, built now. */
const labelled = new Map<string, readonly BundleResult[]>();
if (values.compare) {
  for (const label of values.compare.split(',')) {
    const file = join(abRoot, label, 'bundles.json');
    if (!existsSync(file)) throw new Error(`cpu-only: nothing saved as ${label} (run --save ${label})`);
    labelled.set(label, JSON.parse(readFileSync(file, 'utf8')) as BundleResult[]);
  }
} else {
  labelled.set('', await buildFunctions(fns, stack.mode));
}

const dynamo = await startDynamoDbLocal({ port: await freePort() });
process.on('exit', () => dynamo.process.kill('SIGKILL'));
const tableName = 'bench';
const rows = new Map<string, number[]>();
try {
  await useLocalTable(dynamo.endpoint, tableName);
  const { setupTools } = await import('../test/kit/setup-tools');
  const { measureCpu } = await import('./cpu');
  for (let round = 1; round <= Number(values.rounds); round++) {
    for (const [label, bundles] of labelled) {
      const series = await measureCpu({
        operations: chosen,
        bundles,
        tools: setupTools,
        dynamoEndpoint: dynamo.endpoint,
        tableName,
        invocationsFor: () => ({ invocations: Number(values.invocations), warmup: Number(values.warmup) }),
        log: (line) =>
          console.log(`[round ${round}${label ? ` ${label}` : ''}, load ${loadavg()[0]?.toFixed(2)}]${line}`),
        ...(values.prof
          ? {
              nodeFlags: (op) => [
                '--cpu-prof',
                `--cpu-prof-dir=${profDir}`,
                `--cpu-prof-name=${op.id}${label ? `-${label}` : ''}-${round}.cpuprofile`,
              ],
            }
          : {}),
      });
      for (const s of series) {
        const key = label ? `${s.operation} ${label}` : s.operation;
        rows.set(key, [...(rows.get(key) ?? []), s.medianCpuMs]);
      }
    }
  }
} finally {
  await dynamo.stop();
}
console.log(
  `\nSDK ${stack.mode}; load average now ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
for (const [key, medians] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `${key.padEnd(24)} CPU median per round: ${medians.map((m) => m.toFixed(2)).join(' / ')} ms; ` +
      `median of rounds ${median(medians).toFixed(2)}, spread ${(Math.max(...medians) - Math.min(...medians)).toFixed(2)} ms`,
  );
}
