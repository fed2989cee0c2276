import { type ConsumedCapacity, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { documentClient } from '../../shared/db/client';
import { serviceDeskTable } from '../../shared/db/table';
import type { CapacityFigures } from './capacity-budget';
import { type Item, totalUnits, type UnitsByPart, writeUnits } from './item-size';
import type { MeasuredOperation, SetupTools } from './operations';
import { eventFor, invokeInProcess, statusOf } from './targets';

/**
 * Capacity units per operation, summed over every DynamoDB call it makes (table and indexes).
 * A middleware on the service's own document client asks each request for
 * `ReturnConsumedCapacity: 'INDEXES'`; product code is untouched, the middleware lives only in the
 * bench/test process.
 *
 * Where the figures come from:
 * - reads and single-item writes: what DynamoDB Local returns (it follows DynamoDB's rules there:
 *   0.5 unit per started 4 KB eventually consistent, 1 per KB written, index writes included);
 * - TransactWriteItems: computed from the items before and after the call with DynamoDB's
 *   published rules (test/kit/item-size.ts), because DynamoDB Local gets transactions wrong both
 *   ways: it adds up only the DISTINCT per-item capacities (two 1-KB puts report 2 units;
 *   DynamoDB charges 4), it doubles the index writes, which DynamoDB does not, and it sizes a
 *   ConditionCheck on its key rather than on the item it read. The computation is cross-checked
 *   by reproducing Local's figure from the same per-item sizes.
 */
export interface CapacityTally extends CapacityFigures {
  readonly tableUnits: number;
  readonly indexUnits: Readonly<Record<string, number>>;
  /** Items written (each transaction item counts). */
  readonly itemsWritten: number;
  /** DynamoDB API → how many times it was called. */
  readonly commands: Readonly<Record<string, number>>;
  /** Calls that came back without ConsumedCapacity (should be none). */
  readonly unreported: number;
  /** TransactWriteItems calls whose units were computed from item sizes. */
  readonly computedTransactions: number;
  /** What DynamoDB Local itself reported, for comparison. */
  readonly localReported: { readonly readUnits: number; readonly writeUnits: number };
  /** Whether Local's transaction figures equal the computation once its known under-count is reproduced. */
  readonly localAgrees: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type MutableTally = Mutable<CapacityTally>;

const readCommands = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const writeCommands = new Set([
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

/** `GetCommand` (lib-dynamodb) and `GetItemCommand` (client) both name the GetItem API. */
function apiName(commandName: string | undefined): string {
  const name = (commandName ?? 'Unknown').replace(/Command$/, '');
  const documentNames: Record<string, string> = {
    Get: 'GetItem',
    Put: 'PutItem',
    Update: 'UpdateItem',
    Delete: 'DeleteItem',
    BatchGet: 'BatchGetItem',
    BatchWrite: 'BatchWriteItem',
    TransactGet: 'TransactGetItems',
    TransactWrite: 'TransactWriteItems',
  };
  return documentNames[name] ?? name;
}

function itemsIn(api: string, input: Record<string, unknown>): number {
  if (api === 'TransactWriteItems') return (input.TransactItems as unknown[] | undefined)?.length ?? 0;
  if (api === 'BatchWriteItem') {
    return Object.values((input.RequestItems as Record<string, unknown[]> | undefined) ?? {}).reduce(
      (sum, requests) => sum + requests.length,
      0,
    );
  }
  return writeCommands.has(api) ? 1 : 0;
}

let active: MutableTally | undefined;
let attached = false;
let rawClient: DynamoDBClient | undefined;
let transactWrites: Record<string, unknown>[][] = [];

/** The TransactItems of each TransactWriteItems of the last tally, as the service sent them. */
export const capturedTransactWrites = (): readonly Record<string, unknown>[][] => transactWrites;

const emptyTally = (): MutableTally => ({
  calls: 0,
  readUnits: 0,
  writeUnits: 0,
  tableUnits: 0,
  indexUnits: {},
  itemsWritten: 0,
  commands: {},
  unreported: 0,
  computedTransactions: 0,
  localReported: { readUnits: 0, writeUnits: 0 },
  localAgrees: true,
});

type Consumed = ConsumedCapacity | ConsumedCapacity[] | undefined;
const entriesOf = (consumed: Consumed) =>
  consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];

function addUnits(tally: MutableTally, api: string, units: UnitsByPart) {
  const total = totalUnits(units);
  if (readCommands.has(api)) tally.readUnits += total;
  else if (writeCommands.has(api)) tally.writeUnits += total;
  else throw new Error(`capacity: cannot tell whether ${api} reads or writes`);
  tally.tableUnits += units.table;
  for (const [index, n] of Object.entries(units.indexes)) {
    tally.indexUnits[index] = (tally.indexUnits[index] ?? 0) + n;
  }
}

/** What DynamoDB Local said for one call: table, each index, total. */
function reportedUnits(consumed: Consumed): UnitsByPart & { total: number } {
  let table = 0;
  let total = 0;
  const indexes: Record<string, number> = {};
  for (const entry of entriesOf(consumed)) {
    total += entry.CapacityUnits ?? 0;
    table += entry.Table?.CapacityUnits ?? 0;
    const parts = { ...entry.GlobalSecondaryIndexes, ...entry.LocalSecondaryIndexes };
    for (const [index, part] of Object.entries(parts)) {
      indexes[index] = (indexes[index] ?? 0) + (part.CapacityUnits ?? 0);
    }
  }
  return { table, indexes, total };
}

type TransactAction = 'put' | 'update' | 'delete' | 'check';
const transactActions = { Update: 'update', Delete: 'delete', ConditionCheck: 'check' } as const;

/** The table key of each TransactWriteItems action, marshalled (our key attributes are strings). */
function transactTargets(
  input: Record<string, unknown>,
): { action: TransactAction; table: string; key: Item }[] {
  const keyNames = [serviceDeskTable.partitionKey.name, serviceDeskTable.sortKey.name];
  const asKey = (source: Record<string, unknown>): Item =>
    Object.fromEntries(keyNames.map((name) => [name, { S: String(source[name]) }]));
  const entries = (input.TransactItems as Record<string, Record<string, unknown>>[] | undefined) ?? [];
  return entries.map((entry) => {
    const [kind, body] = Object.entries(entry)[0] ?? [];
    if (kind === 'Put' && body) {
      const put = body as { TableName: string; Item: Record<string, unknown> };
      return { action: 'put' as const, table: put.TableName, key: asKey(put.Item) };
    }
    const action = transactActions[kind as keyof typeof transactActions];
    if (!action || !body) throw new Error(`capacity: unknown transaction action ${kind}`);
    const target = body as { TableName: string; Key: Record<string, unknown> };
    return { action, table: target.TableName, key: asKey(target.Key) };
  });
}

/** A consistent read with a separate client, so it is neither tallied nor seen by the service. */
async function readRaw(table: string, key: Item): Promise<Item | undefined> {
  rawClient ??= new DynamoDBClient({});
  const output = await rawClient.send(
    new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }),
  );
  return output.Item;
}

async function sendTransaction<R extends { output: unknown }>(
  tally: MutableTally,
  input: Record<string, unknown>,
  send: () => Promise<R>,
): Promise<R> {
  const targets = transactTargets(input);
  transactWrites.push(structuredClone(input.TransactItems as Record<string, unknown>[]));
  const before = await Promise.all(targets.map((t) => readRaw(t.table, t.key)));
  const result = await send();
  const after = await Promise.all(targets.map((t) => readRaw(t.table, t.key)));
  // As DynamoDB bills: index writes at the ordinary rate, a ConditionCheck on the item it read.
  const billed = targets.map((t, i) =>
    writeUnits(before[i], t.action === 'delete' ? undefined : after[i], {
      transactional: true,
      action: t.action,
    }),
  );
  // As DynamoDB Local reports: index writes doubled, a ConditionCheck sized on its key.
  const asLocal = targets.map((t, i) =>
    t.action === 'check'
      ? writeUnits(t.key, t.key, { transactional: true, action: 'check' })
      : writeUnits(before[i], t.action === 'delete' ? undefined : after[i], {
          transactional: true,
          action: t.action,
          indexFactor: 2,
        }),
  );
  const local = reportedUnits((result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity);
  // ...and then counts each distinct per-item capacity once.
  const distinct = new Map(asLocal.map((units) => [JSON.stringify(units), units]));
  const localModel = [...distinct.values()].reduce((sum, units) => sum + totalUnits(units), 0);
  if (local.total !== localModel) tally.localAgrees = false;
  tally.computedTransactions += 1;
  tally.localReported.writeUnits += local.total;
  for (const units of billed) addUnits(tally, 'TransactWriteItems', units);
  return result;
}

/** Adds the recording middleware to the service's document client (once per process). */
export function attachCapacityRecorder(): void {
  if (attached) return;
  attached = true;
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const tally = active;
      if (!tally) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'INDEXES';
      const api = apiName(context.commandName);
      tally.calls += 1;
      tally.commands[api] = (tally.commands[api] ?? 0) + 1;
      tally.itemsWritten += itemsIn(api, input);
      if (api === 'TransactGetItems') throw new Error('capacity: TransactGetItems is not modelled yet');
      if (api === 'TransactWriteItems') return sendTransaction(tally, input, () => next(args));
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: Consumed }).ConsumedCapacity;
      if (entriesOf(consumed).length === 0) tally.unreported += 1;
      const reported = reportedUnits(consumed);
      addUnits(tally, api, reported);
      if (readCommands.has(api)) tally.localReported.readUnits += reported.total;
      else tally.localReported.writeUnits += reported.total;
      return result;
    },
    { step: 'initialize', name: 'benchConsumedCapacity', priority: 'high', override: true },
  );
}

/** Everything the document client consumed while `work` ran. */
export async function tallyDuring(work: () => Promise<unknown>): Promise<CapacityTally> {
  attachCapacityRecorder();
  if (active) throw new Error('capacity: tallies do not nest');
  const tally = emptyTally();
  transactWrites = [];
  active = tally;
  try {
    await work();
  } finally {
    active = undefined;
  }
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    ...tally,
    readUnits: round(tally.readUnits),
    writeUnits: round(tally.writeUnits),
    tableUnits: round(tally.tableUnits),
  };
}

export interface CapacityMeasurement {
  readonly operation: string;
  readonly title: string;
  /** The largest of the repeated invocations (they should all be equal). */
  readonly tally: CapacityTally;
  readonly repeats: number;
  readonly deterministic: boolean;
}

/** Prepares the operation, then tallies `repeats` invocations of it one at a time. */
export async function measureCapacity(
  op: MeasuredOperation,
  tools: SetupTools,
  repeats = 3,
): Promise<CapacityMeasurement> {
  const requestFor = await op.prepare(tools, repeats);
  const tallies: CapacityTally[] = [];
  for (let i = 0; i < repeats; i++) {
    const event = eventFor(op, requestFor(i));
    let status: number | undefined;
    const tally = await tallyDuring(async () => {
      status = statusOf(await invokeInProcess(op.target, event));
    });
    if (op.expectStatus !== undefined && status !== op.expectStatus) {
      throw new Error(`capacity: ${op.id} answered ${status}, expected ${op.expectStatus}`);
    }
    if (tally.unreported > 0) {
      throw new Error(
        `capacity: ${tally.unreported} DynamoDB call(s) of ${op.id} returned no ConsumedCapacity`,
      );
    }
    tallies.push(tally);
  }
  const key = (t: CapacityTally) => `${t.readUnits}/${t.writeUnits}/${t.calls}`;
  const largest = tallies.reduce((a, b) => (b.readUnits + b.writeUnits > a.readUnits + a.writeUnits ? b : a));
  return {
    operation: op.id,
    title: op.title,
    tally: largest,
    repeats,
    deterministic: new Set(tallies.map(key)).size === 1,
  };
}
