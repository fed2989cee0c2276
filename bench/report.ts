import type { BundleResult, SdkMode } from '../test/kit/bundles';
import { headroomOf, KB } from '../test/kit/bundles';
import type { CapacityMeasurement } from '../test/kit/capacity';
import type { BudgetCheck, CapacityFigures } from '../test/kit/capacity-budget';
import type { ColdSeries } from './cold-init';
import { type CostModel, type helpDeskSeat, type prices, pricesAsOf } from './cost';
import type { CpuSeries } from './cpu';
import type { LoadResult } from './load';

/** Everything one `npm run bench` found; written whole to bench/results/tmp/ (untracked). */
export interface BenchResults {
  readonly meta: {
    readonly date: string;
    readonly durationSeconds: number;
    readonly quick: boolean;
    readonly commit: string;
    readonly node: string;
    readonly platform: string;
    readonly cpus: number;
    readonly cpuModel: string;
    readonly memoryGb: number;
    /** 1-minute load average when the bench started and ended: other work on the machine skews timings. */
    readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
    readonly lambdaTarget: string;
  };
  readonly targets: {
    readonly bundleHeadroomKb: number;
    readonly coldRatio: number;
    readonly rssMb: number;
    readonly cpuMedianMs: number;
  };
  readonly sdk: {
    /** What infra/stack.ts deploys today. */
    readonly deployed: SdkMode;
    readonly deployedSource: string;
    /** What the cold-init numbers of this run favour. */
    readonly recommended: SdkMode | undefined;
    readonly reason: string;
  };
  readonly bundles?: readonly BundleResult[];
  readonly coldInit?: readonly ColdSeries[];
  readonly cpu?: readonly CpuSeries[];
  readonly capacity?: readonly (CapacityMeasurement & {
    readonly budget: CapacityFigures | null | undefined;
    readonly check: BudgetCheck;
  })[];
  readonly load?: LoadResult;
  readonly cost?: CostModel & {
    readonly prices: typeof prices;
    readonly pricesAsOf: string;
    readonly seat: typeof helpDeskSeat;
  };
  readonly notYetImplemented: readonly {
    readonly operation: string;
    readonly title: string;
    readonly where: string;
  }[];
  readonly withoutBenchEntry: readonly string[];
  readonly failures: readonly { readonly phase: string; readonly error: string }[];
}

const rounded = (value: number, digits = 1) => Number(value.toFixed(digits));

/**
 * What bench/results/latest.json keeps: one rounded headline figure per function and operation,
 * so the diff of a commit shows what moved (and capacity units, which are deterministic, show any
 * change exactly). Per-run series, contributors and raw load counts are in latest.md's tables and
 * in the whole record under tmp/; tracking them made latest.json ~7,800 lines of noise per run.
 */
export function summary(results: BenchResults) {
  const deployed = results.sdk.deployed;
  const byName = <T>(
    entries: readonly T[] | undefined,
    name: (entry: T) => string,
    figure: (entry: T) => number,
  ) => Object.fromEntries((entries ?? []).map((entry) => [name(entry), figure(entry)]));
  return {
    meta: {
      date: results.meta.date,
      commit: results.meta.commit,
      quick: results.meta.quick,
      node: results.meta.node,
      cpus: results.meta.cpus,
      loadAverage: results.meta.loadAverage,
    },
    sdk: { deployed, recommended: results.sdk.recommended },
    bundleKb: byName(
      results.bundles?.filter((bundle) => bundle.sdk === deployed),
      (bundle) => bundle.name,
      (bundle) => rounded(bundle.bytes / KB),
    ),
    coldStartMs: byName(
      results.coldInit?.filter((series) => series.sdk === deployed),
      (series) => series.operation,
      (series) => rounded(series.medianTotalMs),
    ),
    cpuMs: byName(
      results.cpu,
      (series) => series.operation,
      (series) => rounded(series.medianCpuMs, 2),
    ),
    capacity: Object.fromEntries(
      (results.capacity ?? []).map((entry) => [
        entry.operation,
        {
          readUnits: entry.tally.readUnits,
          writeUnits: entry.tally.writeUnits,
          calls: entry.tally.calls,
          withinBudget: entry.check.ok,
        },
      ]),
    ),
    load: results.load && {
      requestsPerSecond: rounded(results.load.requestsPerSecond, 0),
      createsPerSecond: rounded(results.load.createsPerSecond, 0),
      latencyP99Ms: rounded(results.load.latencyP99Ms),
    },
    cost: results.cost && {
      usdPerMillionTicketsMeasured: rounded(results.cost.usdPerMillionTicketsMeasured, 2),
      ticketsPerSeatMonth: rounded(results.cost.ticketsPerSeatMonth, 0),
    },
    failures: results.failures,
  };
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (value: number, digits = 1) => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '—');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const usd = (value: number) =>
  value === 0 ? '$0' : value >= 1 ? `$${value.toFixed(2)}` : `$${value.toFixed(4)}`;
const verdict = (ok: boolean | undefined) => (ok === undefined ? '—' : ok ? 'met' : '**MISSED**');
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

export const cpuTargetOperations = [
  'createTicket',
  'getTicket',
  'listTickets',
  'transitionTicket',
  'commentOnTicket',
];

export interface Verdicts {
  readonly largestBundle?: { name: string; bytes: number; limit: number; baseline: number; ok: boolean };
  readonly worstColdRatio?: { name: string; ratio: number; ok: boolean; failed: readonly string[] };
  readonly worstRss?: { name: string; bytes: number; ok: boolean };
  readonly worstCpu?: { name: string; medianMs: number; ok: boolean };
  readonly capacity?: { within: number; total: number; ok: boolean };
  readonly loadErrors?: { errors: number; ok: boolean };
  /** One-store create rate ÷ spread create rate, both at the same concurrency with 0 errors. */
  readonly oneStoreCreates?: { ratio: number; errors: number; ok: boolean };
}

/** One busy store must not be serialised: its create rate vs the same load over 16 stores. */
export const oneStoreRatioTarget = 0.7;

/** The summary verdicts, in the deployed SDK mode. */
export function verdicts(results: BenchResults): Verdicts {
  const mode = results.sdk.deployed;
  const out: Record<string, unknown> = {};
  const bundles = results.bundles?.filter((b) => b.sdk === mode) ?? [];
  const baseline = bundles.find((b) => b.kind === 'baseline');
  // The handler closest to (or furthest over) its own limit: the file exports have a larger one.
  const slack = (b: BundleResult) => (baseline ? baseline.bytes + headroomOf(b.name) - b.bytes : 0);
  const largest = bundles.filter((b) => b.kind === 'http').sort((a, b) => slack(a) - slack(b))[0];
  if (baseline && largest) {
    const limit = baseline.bytes + headroomOf(largest.name);
    out.largestBundle = {
      name: largest.name,
      bytes: largest.bytes,
      baseline: baseline.bytes,
      limit,
      ok: largest.bytes <= limit,
    };
  }
  const cold = results.coldInit?.filter((s) => s.sdk === mode && s.operation !== 'baseline') ?? [];
  const failed = cold.filter((s) => s.failure).map((s) => s.function);
  const worstRatio = cold.filter((s) => !s.failure).sort((a, b) => b.ratioToBaseline - a.ratioToBaseline)[0];
  if (worstRatio || failed.length > 0) {
    out.worstColdRatio = {
      name: worstRatio?.function ?? '—',
      ratio: worstRatio?.ratioToBaseline ?? Number.NaN,
      ok: failed.length === 0 && (worstRatio?.ratioToBaseline ?? 0) <= results.targets.coldRatio,
      failed,
    };
  }
  const worstRss = [...cold].sort((a, b) => b.maxRssBytes - a.maxRssBytes)[0];
  if (worstRss) {
    out.worstRss = {
      name: worstRss.function,
      bytes: worstRss.maxRssBytes,
      ok: worstRss.maxRssBytes <= results.targets.rssMb * 1024 * 1024,
    };
  }
  const cpu = results.cpu?.filter((s) => cpuTargetOperations.includes(s.operation)) ?? [];
  const worstCpu = [...cpu].sort((a, b) => b.medianCpuMs - a.medianCpuMs)[0];
  if (worstCpu) {
    out.worstCpu = {
      name: worstCpu.operation,
      medianMs: worstCpu.medianCpuMs,
      ok: worstCpu.medianCpuMs <= results.targets.cpuMedianMs,
    };
  }
  if (results.capacity) {
    const within = results.capacity.filter((c) => c.check.ok).length;
    out.capacity = { within, total: results.capacity.length, ok: within === results.capacity.length };
  }
  if (results.load) {
    const errors = results.load.errors + results.load.non2xx;
    out.loadErrors = { errors, ok: errors === 0 };
    const { createsSpread, createsOneStore, oneStoreRatio } = results.load;
    if (createsSpread && createsOneStore) {
      const createErrors = createsSpread.errors + createsOneStore.errors;
      out.oneStoreCreates = {
        ratio: oneStoreRatio,
        errors: createErrors,
        ok: createErrors === 0 && oneStoreRatio >= oneStoreRatioTarget,
      };
    }
  }
  return out as Verdicts;
}

/** The summary table: README's Performance section shows this one. */
export function summaryTable(results: BenchResults): string {
  const v = verdicts(results);
  const t = results.targets;
  const mode = results.sdk.deployed;
  const rows: (string | number)[][] = [];
  if (v.largestBundle) {
    rows.push([
      `1 · largest HTTP handler bundle (SDK ${mode})`,
      `≤ baseline ${kb(v.largestBundle.baseline)} + ${t.bundleHeadroomKb} KB`,
      `${v.largestBundle.name}: ${kb(v.largestBundle.bytes)} (+${kb(v.largestBundle.bytes - v.largestBundle.baseline)})`,
      verdict(v.largestBundle.ok),
    ]);
  }
  if (v.worstColdRatio) {
    rows.push([
      `2 · cold init, worst ratio to the GetItem baseline (SDK ${mode})`,
      `≤ ${t.coldRatio}×`,
      [
        v.worstColdRatio.failed.length > 0 ? `${v.worstColdRatio.failed.join(', ')}: failed to start` : '',
        Number.isFinite(v.worstColdRatio.ratio)
          ? `${v.worstColdRatio.failed.length > 0 ? 'worst of the rest ' : ''}${v.worstColdRatio.name}: ${v.worstColdRatio.ratio.toFixed(2)}×`
          : '',
      ]
        .filter(Boolean)
        .join('; '),
      verdict(v.worstColdRatio.ok),
    ]);
  }
  if (v.worstRss) {
    rows.push([
      `2 · peak RSS after the first invocation, worst`,
      `≤ ${t.rssMb} MB`,
      `${v.worstRss.name}: ${mb(v.worstRss.bytes)}`,
      verdict(v.worstRss.ok),
    ]);
  }
  if (v.worstCpu) {
    rows.push([
      '3 · CPU per warm request, worst median (create, get, list, transition, comment)',
      `≤ ${t.cpuMedianMs} ms`,
      `${v.worstCpu.name}: ${ms(v.worstCpu.medianMs, 2)}`,
      verdict(v.worstCpu.ok),
    ]);
  }
  if (v.capacity) {
    rows.push([
      '4 · capacity units within budget',
      'every operation',
      `${v.capacity.within} of ${v.capacity.total}`,
      verdict(v.capacity.ok),
    ]);
  }
  if (results.load) {
    const l = results.load;
    rows.push([
      `5 · local HTTP load, ${l.connections} connections, create/list 1:1`,
      '0 errors',
      `${l.requestsPerSecond.toFixed(0)} req/s, p50 ${ms(l.latencyP50Ms, 0)}, p99 ${ms(l.latencyP99Ms, 0)}, ${l.errors + l.non2xx} errors`,
      verdict(v.loadErrors?.ok),
    ]);
    rows.push([
      '5 · create-ticket rate ÷ raw TransactWriteItems rate',
      '(reported)',
      `${l.createsPerSecond.toFixed(0)}/s ÷ ${l.raw.transactionsPerSecond.toFixed(0)}/s = ${(l.createFractionOfRaw * 100).toFixed(0)} %`,
      '—',
    ]);
    if (l.createsSpread && l.createsOneStore) {
      rows.push([
        `5 · creates into one store ÷ over ${l.createsSpread.stores} stores, ${l.connections} connections`,
        `≥ ${oneStoreRatioTarget}, 0 errors`,
        `${l.createsOneStore.createsPerSecond.toFixed(0)}/s ÷ ${l.createsSpread.createsPerSecond.toFixed(0)}/s = ${l.oneStoreRatio.toFixed(2)}, ${l.createsSpread.errors + l.createsOneStore.errors} errors`,
        verdict(v.oneStoreCreates?.ok),
      ]);
    }
    if (l.memory) {
      rows.push([
        '5 · resident memory after the load',
        '(reported)',
        `service ${l.memory.serviceRssMb.toFixed(0)} MB, DynamoDB Local ${l.memory.dynamoDbLocalRssMb.toFixed(0)} MB (heap cap ${l.memory.dynamoDbLocalHeap})`,
        '—',
      ]);
    }
  }
  if (results.cost) {
    const c = results.cost;
    rows.push([
      '6 · AWS cost per million tickets (measured part of the typical life)',
      '(reported)',
      `${usd(c.usdPerMillionTicketsMeasured)}; not yet priced: ${c.notPriced.map((p) => p.operation).join(', ') || 'nothing'}`,
      '—',
    ]);
  }
  return table(['measure', 'target', 'result', 'status'], rows);
}

export function markdown(results: BenchResults): string {
  const m = results.meta;
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `Run ${m.date} on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb.toFixed(0)} GB, ${m.platform}, Node ${m.node}; ` +
      `commit ${m.commit}; ${m.durationSeconds.toFixed(0)} s in all${m.quick ? ' (**--quick**: fewer runs, not for comparison)' : ''}; ` +
      `load average ${m.loadAverage.atStart.toFixed(1)} at the start, ${m.loadAverage.atEnd.toFixed(1)} at the end` +
      `${Math.max(m.loadAverage.atStart, m.loadAverage.atEnd) > m.cpus ? ' (**the machine was busy with other work: timings are noisy**)' : ''}. ` +
      `Lambda runs ${m.lambdaTarget}: absolute times here are this machine's, ratios are what carries over.`,
    '',
  );
  if (results.failures.length > 0) {
    out.push('**Failures in this run:**', '');
    for (const f of results.failures) out.push(`- ${f.phase}: ${f.error}`);
    out.push('');
  }
  out.push('## Summary', '', summaryTable(results), '');
  out.push(
    `SDK: the stack deploys it **${results.sdk.deployed}** (${results.sdk.deployedSource}). ` +
      `This run favours **${results.sdk.recommended ?? 'no clear choice'}**: ${results.sdk.reason}`,
    '',
  );

  if (results.bundles) {
    out.push('## 1. Bundle sizes', '');
    out.push(
      'esbuild as CDK NodejsFunction runs it (minify, ESM, node22, source map beside the file). ' +
        `Target: every HTTP handler ≤ the baseline + ${results.targets.bundleHeadroomKb} KB in the same SDK mode (1 KB = 1,024 bytes).`,
      '',
    );
    const names = [...new Set(results.bundles.map((b) => b.name))];
    const get = (name: string, sdk: SdkMode) =>
      results.bundles?.find((b) => b.name === name && b.sdk === sdk);
    const base = (sdk: SdkMode) => get('baseline', sdk)?.bytes ?? 0;
    out.push(
      table(
        ['function', 'SDK bundled', 'Δ baseline', 'deflated', 'SDK external', 'Δ baseline', 'within target'],
        names.map((name) => {
          const b = get(name, 'bundled');
          const e = get(name, 'external');
          const within = (x: BundleResult | undefined) =>
            x?.kind !== 'http' ? '—' : x.bytes <= base(x.sdk) + headroomOf(x.name) ? 'yes' : '**no**';
          return [
            name,
            b ? kb(b.bytes) : '—',
            b ? kb(b.bytes - base('bundled')) : '—',
            b ? kb(b.deflatedBytes) : '—',
            e ? kb(e.bytes) : '—',
            e ? kb(e.bytes - base('external')) : '—',
            `${within(b)} / ${within(e)}`,
          ];
        }),
      ),
      '',
    );
    const largest = results.bundles
      .filter((b) => b.sdk === results.sdk.deployed && b.kind === 'http')
      .sort((a, b) => b.bytes - a.bytes)[0];
    if (largest) {
      out.push(
        `Largest handler in the deployed form: **${largest.name}** (${kb(largest.bytes)}). What it carries:`,
        '',
      );
      out.push(
        table(
          ['package or folder', 'bytes in bundle', 'share'],
          largest.contributors
            .slice(0, 12)
            .map((c) => [c.name, kb(c.bytes), `${((c.bytes / largest.bytes) * 100).toFixed(1)} %`]),
        ),
        '',
      );
    }
  }

  if (results.coldInit) {
    out.push('## 2. Cold init', '');
    out.push(
      'A fresh `node` per run loads the bundle and serves one invocation against DynamoDB Local; median of the runs. ' +
        '“init” is the import (Lambda’s INIT phase), “total” adds the first invocation; the ratio is total ÷ the baseline’s total in the same SDK mode, same run. ' +
        'Peak RSS is `process.resourceUsage().maxRSS` after the invocation. Environment as the stack sets it (TABLE_NAME only with table access, logger at INFO, `--enable-source-maps`).',
      '',
    );
    const fns = [...new Set(results.coldInit.map((s) => s.function))];
    const cell = (fn: string, sdk: SdkMode) =>
      results.coldInit?.find((s) => s.function === fn && s.sdk === sdk);
    const show = (s: ColdSeries | undefined) =>
      !s
        ? ['—', '—', '—', '—']
        : s.failure
          ? ['failed', '—', '—', '—']
          : [ms(s.medianInitMs), ms(s.medianTotalMs), `${s.ratioToBaseline.toFixed(2)}×`, mb(s.maxRssBytes)];
    out.push(
      table(
        [
          'function',
          'runs',
          'bundled: init',
          'total',
          'ratio',
          'peak RSS',
          'external: init',
          'total',
          'ratio',
          'peak RSS',
        ],
        fns.map((fn) => [
          fn,
          cell(fn, 'bundled')?.runs ?? cell(fn, 'external')?.runs ?? 0,
          ...show(cell(fn, 'bundled')),
          ...show(cell(fn, 'external')),
        ]),
      ),
      '',
    );
    const failed = results.coldInit.filter((s) => s.failure);
    if (failed.length > 0) {
      out.push('Functions that did not serve their cold invocation:', '');
      for (const s of failed) out.push(`- ${s.function} (SDK ${s.sdk}): ${s.failure}`);
      out.push('');
    }
  }

  if (results.cpu) {
    out.push('## 3. CPU per warm request', '');
    out.push(
      'One process per operation runs the deployed bundle; after a warm-up, `process.cpuUsage()` (user + system) around each handler call. ' +
        'Waiting on DynamoDB Local (another process) costs no CPU here; wall time beside it includes that wait. ' +
        `Target: median ≤ ${results.targets.cpuMedianMs} ms for ${cpuTargetOperations.join(', ')}.`,
      '',
    );
    out.push(
      table(
        [
          'operation',
          'invocations',
          'CPU median',
          'CPU p99',
          'wall median',
          'wall p99',
          'logged bytes/inv.',
          'target',
        ],
        results.cpu.map((s) => [
          s.title,
          s.invocations,
          ms(s.medianCpuMs, 2),
          ms(s.p99CpuMs, 2),
          ms(s.medianWallMs, 2),
          ms(s.p99WallMs, 2),
          s.logBytesPerInvocation.toFixed(0),
          s.operation === 'baseline'
            ? '(reference)'
            : cpuTargetOperations.includes(s.operation)
              ? verdict(s.medianCpuMs <= results.targets.cpuMedianMs)
              : '(duration only)',
        ]),
      ),
      '',
    );
  }

  if (results.capacity) {
    out.push('## 4. Capacity units per operation', '');
    out.push(
      'Summed over every DynamoDB call of one invocation, table and indexes (on demand: request units). ' +
        'Reads and single-item writes are what DynamoDB Local returns; **TransactWriteItems are computed from the item sizes** with DynamoDB’s published rules ' +
        '(2 units per started KB per item on the table; index writes at the ordinary 1 unit per KB, a changed index key = delete + put), because DynamoDB Local gets them wrong: ' +
        'it adds up only the distinct per-item capacities of a transaction (two 1-KB puts: 2 units, DynamoDB charges 4), doubles index writes and sizes a ConditionCheck on its key instead of the item it read. ' +
        '“Local said” is Local’s own figure; “Local model” checks the computation by reproducing Local’s figure from the same per-item sizes. ' +
        'That index writes inside a transaction are not doubled, and that a ConditionCheck costs the size of the item, is not in the DynamoDB guide; it is what the dynoxide emulator’s authors measured against DynamoDB ' +
        '(github.com/nubo-db/dynoxide/pull/188). If DynamoDB doubled them, the index column would double. Budgets: `test/kit/capacity-budget.json`, checked by `npm test`.',
      '',
    );
    out.push(
      table(
        [
          'operation',
          'calls',
          'read units',
          'write units',
          'by index',
          'budget r / w / calls',
          'status',
          'Local said r / w',
          'Local model',
        ],
        results.capacity.map((c) => [
          c.title,
          c.tally.calls,
          c.tally.readUnits,
          c.tally.writeUnits,
          Object.entries(c.tally.indexUnits)
            .map(([index, units]) => `${index} ${units}`)
            .join(', ') || '—',
          c.budget ? `${c.budget.readUnits} / ${c.budget.writeUnits} / ${c.budget.calls}` : 'none',
          c.check.ok
            ? c.check.slack.length > 0
              ? 'within (slack)'
              : 'met'
            : `**${c.check.violations.join('; ')}**`,
          `${c.tally.localReported.readUnits} / ${c.tally.localReported.writeUnits}`,
          c.tally.computedTransactions === 0 ? '—' : c.tally.localAgrees ? 'agrees' : '**differs**',
        ]),
      ),
      '',
    );
    const nondeterministic = results.capacity.filter((c) => !c.deterministic);
    if (nondeterministic.length > 0) {
      out.push(
        `Not deterministic across ${nondeterministic[0]?.repeats} repeats (largest shown): ${nondeterministic.map((c) => c.operation).join(', ')}.`,
        '',
      );
    }
  }
  if (results.notYetImplemented.length > 0) {
    out.push('Not yet implemented (no numbers):', '');
    for (const p of results.notYetImplemented) out.push(`- ${p.title} — ${p.where}`);
    out.push('');
  }

  if (results.load) {
    const l = results.load;
    out.push('## 5. Local HTTP load', '');
    out.push(
      `autocannon against the local service (\`npm start -- --in-memory\`, handlers as TypeScript through tsx) on loopback: ` +
        `${l.connections} connections, ${l.durationSeconds.toFixed(1)} s after a warm-up, ${l.mix}, over ${l.stores} stores of one tenant. ` +
        'Then, against the same DynamoDB Local and at the same concurrency, the create-ticket transaction itself (captured from a real create, fresh keys each time). ' +
        'Everything (load generator, Node service, Java DynamoDB Local) shares this machine’s cores. ' +
        'Creates in one store reserve the day’s next number with one atomic ADD on its counter item (no read, no transaction), so they do not ' +
        'conflict: the last rows compare create-only load into one store with the same load over every store, in the same run.',
      '',
    );
    out.push(
      table(
        ['measure', 'value'],
        [
          ['requests/s', l.requestsPerSecond.toFixed(0)],
          ['latency p50 / p99', `${ms(l.latencyP50Ms, 0)} / ${ms(l.latencyP99Ms, 0)}`],
          ['errors / timeouts / non-2xx', `${l.errors} / ${l.timeouts} / ${l.non2xx}`],
          [
            'responses',
            Object.entries(l.statusCounts)
              .map(([k, n]) => `${k}: ${n}`)
              .join(', '),
          ],
          ['tickets created/s', l.createsPerSecond.toFixed(0)],
          [
            `raw TransactWriteItems/s (${l.raw.itemsPerTransaction} items, ${l.connections} concurrent)`,
            `${l.raw.transactionsPerSecond.toFixed(0)} (p50 ${ms(l.raw.latencyP50Ms, 1)}, p99 ${ms(l.raw.latencyP99Ms, 1)}, ${l.raw.errors} errors)`,
          ],
          ['create rate ÷ raw rate', `${(l.createFractionOfRaw * 100).toFixed(0)} %`],
          ...(l.createsSpread && l.createsOneStore
            ? [l.createsSpread, l.createsOneStore].map((rate) => [
                `creates only, ${rate.stores === 1 ? 'one store' : `over ${rate.stores} stores`}`,
                `${rate.createsPerSecond.toFixed(0)}/s (p50 ${ms(rate.latencyP50Ms, 0)}, p99 ${ms(rate.latencyP99Ms, 0)}, ${rate.errors} errors; ${Object.entries(
                  rate.statusCounts,
                )
                  .map(([status, n]) => `${status}: ${n}`)
                  .join(', ')})`,
              ])
            : []),
          ...(l.createsSpread && l.createsOneStore
            ? [['one store ÷ spread', `${l.oneStoreRatio.toFixed(2)} (target ≥ ${oneStoreRatioTarget})`]]
            : []),
          ...(l.memory
            ? [
                ['resident memory after the load: service (Node)', `${l.memory.serviceRssMb.toFixed(0)} MB`],
                [
                  'resident memory after the load: DynamoDB Local (Java)',
                  `${l.memory.dynamoDbLocalRssMb.toFixed(0)} MB (heap cap -Xmx${l.memory.dynamoDbLocalHeap})`,
                ],
              ]
            : []),
        ],
      ),
      '',
    );
  }

  if (results.cost) {
    const c = results.cost;
    out.push('## 6. Cost model', '');
    out.push(
      `Dollars per **million tickets** through the typical life, from this run’s capacity units, one API request and one Lambda invocation per operation, ` +
        `Lambda at ${c.memoryMb} MB arm64 billed for the measured warm median wall time (rounded up to 1 ms), and the bytes each function logged. ` +
        'Durations are local (DynamoDB Local on loopback, this CPU): in AWS each DynamoDB call takes a few ms over the network and a 256 MB function gets a fraction of a vCPU, so read the duration column with the sensitivity line below.',
      '',
    );
    out.push(
      table(
        [
          'operation',
          'per ticket',
          'billed ms',
          'RRU',
          'WRU',
          'API GW',
          'Lambda req.',
          'Lambda GB-s',
          'DynamoDB',
          'logs',
          'total',
        ],
        c.priced.map((p) => [
          p.title,
          p.count,
          p.billedMs,
          p.readUnits,
          p.writeUnits,
          usd(p.usdPerMillionTickets.apiGateway),
          usd(p.usdPerMillionTickets.lambdaRequests),
          usd(p.usdPerMillionTickets.lambdaDuration),
          usd(p.usdPerMillionTickets.dynamoReads + p.usdPerMillionTickets.dynamoWrites),
          usd(p.usdPerMillionTickets.logs),
          usd(p.usdPerMillionTickets.total),
        ]),
      ),
      '',
    );
    out.push(
      `**Measured part: ${usd(c.usdPerMillionTicketsMeasured)} per million tickets** ` +
        `(API Gateway ${usd(c.byComponent.apiGateway)}, Lambda ${usd(c.byComponent.lambdaRequests + c.byComponent.lambdaDuration)}, ` +
        `DynamoDB ${usd(c.byComponent.dynamoReads + c.byComponent.dynamoWrites)}, logs ${usd(c.byComponent.logs)}). ` +
        `Each 10 ms more per invocation adds ${usd(c.usdPerMillionTicketsPer10msMore)}.`,
      '',
    );
    if (c.notPriced.length > 0) {
      out.push('Not yet measurable, so not in the total:', '');
      for (const p of c.notPriced)
        out.push(`- ${p.title}${p.count === undefined ? '' : ` × ${p.count}`}: ${p.why}`);
      out.push('');
    }
    out.push(
      'Also outside the total: SQS requests of timers (their dispatch is not measured yet), Lambda’s own START/END/REPORT log lines, billed INIT time of cold starts, ' +
        'DynamoDB storage, the once-a-minute sweeper (a fixed cost, not per ticket), reads of the ticket by staff and customers beyond the life above.',
      '',
    );
    out.push(
      `For scale: ${c.seat.what} costs $${c.seat.usdPerMonth} (${c.seat.source}); that pays for the measured part of about ` +
        `**${Math.round(c.ticketsPerSeatMonth).toLocaleString('en-US')} tickets**.`,
      '',
    );
    out.push(`Prices (us-east-1, on demand, ${pricesAsOf}):`, '');
    out.push(
      table(
        ['item', 'USD', 'source'],
        Object.entries(c.prices).map(([name, price]) => [name, String(price.usd), price.source]),
      ),
      '',
    );
  }
  if (results.withoutBenchEntry.length > 0) {
    out.push(
      `Functions with a bundle but no bench entry (no cold-init figure): ${results.withoutBenchEntry.join(', ')}.`,
      '',
    );
  }
  return `${out.join('\n')}\n`;
}
