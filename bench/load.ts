import { execFileSync } from 'node:child_process';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { dynamoDbLocalHeap, localAwsEnvironment } from '../infra/local/dynamodb';
import { localTableName } from '../shared/db/table';
import { complaintBody } from '../test/kit/bodies';
import { apiClient, freePort, startLocalService } from '../test/kit/local-service';
import { median, percentile } from './child';

/**
 * Local HTTP load: autocannon against the local service started exactly as `npm start
 * --in-memory` starts it, on loopback. Half the requests open a ticket, half read a store's queue
 * (page of 25), rotating over several stores of one tenant. Then, against the same DynamoDB
 * Local, the raw TransactWriteItems rate at the same concurrency: the very transaction our
 * create-ticket sends (captured during the capacity run), with fresh keys each time.
 */
export interface LoadResult {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly stores: number;
  readonly mix: string;
  readonly requestsPerSecond: number;
  readonly requests: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly statusCounts: Readonly<Record<string, number>>;
  readonly createsPerSecond: number;
  readonly listsPerSecond: number;
  readonly raw: RawTransactResult;
  /** Our create-ticket rate ÷ the raw TransactWriteItems rate. */
  readonly createFractionOfRaw: number;
  /** Creates only, at the same concurrency: spread over all stores, then all into one store. */
  readonly createsSpread: CreateRate;
  readonly createsOneStore: CreateRate;
  /** One-store rate ÷ spread rate (target ≥ 0.7: one busy store is not serialised). */
  readonly oneStoreRatio: number;
  /** Resident memory after the load, when the platform tells (Linux `ps`). */
  readonly memory?: ServiceMemory;
}

export interface CreateRate {
  readonly stores: number;
  readonly createsPerSecond: number;
  readonly requests: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Connection errors + timeouts + non-2xx answers. */
  readonly errors: number;
  readonly statusCounts: Readonly<Record<string, number>>;
}

export interface ServiceMemory {
  /** The local service's Node process (handlers, queue driver, sweeper). */
  readonly serviceRssMb: number;
  /** DynamoDB Local's Java process, and the heap cap it was started with. */
  readonly dynamoDbLocalRssMb: number;
  readonly dynamoDbLocalHeap: string;
}

export interface RawTransactResult {
  readonly itemsPerTransaction: number;
  readonly transactionsPerSecond: number;
  readonly transactions: number;
  readonly errors: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
}

export async function measureLoad(options: {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  stores: number;
  /** The TransactItems of one create-ticket, as the service sent them. */
  createTransaction: readonly Record<string, unknown>[];
  log: (line: string) => void;
}): Promise<LoadResult> {
  const dynamoPort = await freePort();
  const service = await startLocalService(
    {
      DYNAMODB_PORT: String(dynamoPort),
      TABLE_NAME: localTableName,
      LOG_LEVEL: 'ERROR',
    },
    ['--in-memory'],
  );
  // SIGINT, not SIGKILL: the service then stops its own DynamoDB Local.
  const stopOnExit = () => service.process.kill('SIGINT');
  process.on('exit', stopOnExit);
  try {
    const api = apiClient(service.url);
    const tenantId = `bench-load-${Date.now()}`;
    const token = await api.token({ tenantId, userId: 'bench-admin', roles: ['admin'] });
    const storeIds: string[] = [];
    for (let i = 0; i < options.stores; i++) {
      const store = await api.call<{ id: string }>('POST', '/v1/stores', {
        token,
        body: { code: `LD${String(i).padStart(2, '0')}`, name: `压测门店 ${i}`, kind: 'mall' },
      });
      if (store.status !== 201) throw new Error(`load: store creation answered ${store.status}`);
      storeIds.push(store.body.id);
    }
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    let next = 0;
    const storeFor = () => storeIds[next++ % storeIds.length] as string;
    const statusCounts: Record<string, number> = {};
    let creates = 0;
    let lists = 0;
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/v1/tickets',
        headers,
        setupRequest: (request) => ({ ...request, body: JSON.stringify(complaintBody(storeFor())) }),
        onResponse: (status) => {
          statusCounts[`POST ${status}`] = (statusCounts[`POST ${status}`] ?? 0) + 1;
          if (status === 201) creates++;
        },
      },
      {
        method: 'GET',
        headers: { authorization: headers.authorization },
        setupRequest: (request) => ({
          ...request,
          path: `/v1/tickets?storeId=${storeFor()}&status=new&limit=25`,
        }),
        onResponse: (status) => {
          statusCounts[`GET ${status}`] = (statusCounts[`GET ${status}`] ?? 0) + 1;
          if (status === 200) lists++;
        },
      },
    ];
    const run = (seconds: number) =>
      autocannon({ url: service.url, connections: options.connections, duration: seconds, requests });

    options.log(`  load: warm-up ${options.warmupSeconds} s`);
    await run(options.warmupSeconds);
    creates = 0;
    lists = 0;
    for (const key of Object.keys(statusCounts)) delete statusCounts[key];
    options.log(`  load: ${options.connections} connections for ${options.durationSeconds} s`);
    const result = await run(options.durationSeconds);
    const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;

    options.log(
      `  raw TransactWriteItems: ${options.connections} concurrent for ${options.durationSeconds} s`,
    );
    const raw = await rawTransactWrites({
      endpoint: `http://127.0.0.1:${dynamoPort}`,
      tableName: localTableName,
      template: options.createTransaction,
      concurrency: options.connections,
      durationSeconds: options.durationSeconds,
    });
    const createsPerSecond = creates / seconds;

    // Same run, same service: create-only load spread over every store, then into one store.
    const createOnly = async (stores: readonly string[]): Promise<CreateRate> => {
      let at = 0;
      const counts: Record<string, number> = {};
      const rate = await autocannon({
        url: service.url,
        connections: options.connections,
        duration: options.durationSeconds,
        requests: [
          {
            method: 'POST',
            path: '/v1/tickets',
            headers,
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify(complaintBody(stores[at++ % stores.length] as string)),
            }),
            onResponse: (status) => {
              counts[status] = (counts[status] ?? 0) + 1;
            },
          },
        ],
      });
      const elapsed = (rate.finish.getTime() - rate.start.getTime()) / 1000;
      return {
        stores: stores.length,
        createsPerSecond: (counts[201] ?? 0) / elapsed,
        requests: rate.requests.total,
        latencyP50Ms: rate.latency.p50,
        latencyP99Ms: rate.latency.p99,
        errors: rate.errors + rate.timeouts + rate.non2xx,
        statusCounts: counts,
      };
    };
    options.log(`  creates only: ${options.connections} connections over ${storeIds.length} stores`);
    const createsSpread = await createOnly(storeIds);
    options.log(`  creates only: ${options.connections} connections into one store`);
    const createsOneStore = await createOnly([storeIds[0] as string]);
    const memory = residentMemory(service.process.pid);

    return {
      connections: options.connections,
      durationSeconds: seconds,
      stores: options.stores,
      mix: '1:1 POST /v1/tickets : GET /v1/tickets?storeId&status=new&limit=25',
      requestsPerSecond: result.requests.total / seconds,
      requests: result.requests.total,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCounts,
      createsPerSecond,
      listsPerSecond: lists / seconds,
      raw,
      createFractionOfRaw: createsPerSecond / raw.transactionsPerSecond,
      createsSpread,
      createsOneStore,
      oneStoreRatio: createsOneStore.createsPerSecond / createsSpread.createsPerSecond,
      ...(memory ? { memory } : {}),
    };
  } finally {
    await service.stop();
    process.off('exit', stopOnExit);
  }
}

/**
 * Puts get fresh partition keys (consistently within one transaction, so a ticket and its
 * events still share a partition) and `attribute_not_exists(pk)` as their condition; other
 * actions keep theirs.
 */
function freshTransaction(template: readonly Record<string, unknown>[], n: number, tableName: string) {
  const renamed = new Map<string, string>();
  const fresh = (pk: unknown) => {
    const key = String(pk);
    let value = renamed.get(key);
    if (!value) {
      value = `${key}#RAW${n}`;
      renamed.set(key, value);
    }
    return value;
  };
  return template.map((entry) => {
    const copy = structuredClone(entry) as Record<string, Record<string, unknown>>;
    for (const action of Object.values(copy)) action.TableName = tableName;
    if (copy.Put) {
      const item = copy.Put.Item as Record<string, unknown>;
      copy.Put.Item = { ...item, pk: fresh(item.pk) };
      // Any condition on an earlier value cannot hold for a fresh key.
      if (copy.Put.ConditionExpression) {
        copy.Put.ConditionExpression = 'attribute_not_exists(pk)';
        delete copy.Put.ExpressionAttributeValues;
        delete copy.Put.ExpressionAttributeNames;
      }
    }
    return copy;
  });
}

async function rawTransactWrites(options: {
  endpoint: string;
  tableName: string;
  template: readonly Record<string, unknown>[];
  concurrency: number;
  durationSeconds: number;
}): Promise<RawTransactResult> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: options.endpoint,
      region: localAwsEnvironment.AWS_REGION,
      credentials: {
        accessKeyId: localAwsEnvironment.AWS_ACCESS_KEY_ID,
        secretAccessKey: localAwsEnvironment.AWS_SECRET_ACCESS_KEY,
      },
    }),
    { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } },
  );
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const started = performance.now();
  const deadline = started + options.durationSeconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const items = freshTransaction(options.template, counter++, options.tableName);
      const before = performance.now();
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items as never }));
        latencies.push(performance.now() - before);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  client.destroy();
  return {
    itemsPerTransaction: options.template.length,
    transactionsPerSecond: latencies.length / seconds,
    transactions: latencies.length,
    errors,
    latencyP50Ms: median(latencies),
    latencyP99Ms: percentile(latencies, 99),
  };
}

/**
 * Resident set sizes of the service's Node process and of its DynamoDB Local (the Java child it
 * started), from `ps`; undefined where `ps` has no `--ppid` (not Linux).
 */
function residentMemory(servicePid: number | undefined): ServiceMemory | undefined {
  if (servicePid === undefined) return undefined;
  try {
    const rssKb = (args: string[]) =>
      execFileSync('ps', ['-o', 'rss=,comm=', ...args], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter(([, command]) => command !== undefined);
    const [service] = rssKb(['-p', String(servicePid)]);
    const java = rssKb(['--ppid', String(servicePid)]).find(([, command]) => command === 'java');
    if (!service || !java) return undefined;
    return {
      serviceRssMb: Number(service[0]) / 1024,
      dynamoDbLocalRssMb: Number(java[0]) / 1024,
      dynamoDbLocalHeap: dynamoDbLocalHeap,
    };
  } catch {
    return undefined;
  }
}
