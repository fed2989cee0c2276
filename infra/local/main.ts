import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer as createProbe } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localTableName } from '../../shared/db/table';
import { parseCorsOrigins } from '../cors';
import { ensureTable, LocalRuntimeError, localAwsEnvironment, startDynamoDbLocal } from './dynamodb';
import { localTokenAuthority } from './tokens';

/**
 * `npm start`: DynamoDB Local, the table, and the API on 127.0.0.1:$PORT running the same
 * handler modules Lambda runs. Environment: PORT (3000), DATA_DIR (.data), IN_MEMORY=1 or
 * `--in-memory` for a throwaway run, DYNAMODB_PORT (a free port when unset), CORS_ORIGINS (comma-separated
 * origins whose pages may call, as the stack's `corsOrigins` context), DYNAMODB_ENDPOINT (a DynamoDB Local
 * already running: this service then starts none, and its table lives there).
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const host = '127.0.0.1';

async function main(): Promise<void> {
  // Lambda runs Node 22; the SDK's notice about Node 20 dev machines is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const port = parsePort(process.env.PORT, 3000, 'PORT');
  const inMemory = process.argv.includes('--in-memory') || process.env.IN_MEMORY === '1';
  const dataDir = inMemory ? undefined : resolve(repoRoot, process.env.DATA_DIR ?? '.data');
  const quiet = process.env.LOCAL_QUIET === '1';
  const corsOrigins = localCorsOrigins();

  await assertPortFree(port);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const dynamo = await localDynamoDb(dataDir);
  let stopping = false;
  let server: Server | undefined;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    server?.close();
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  if (dynamo.process) {
    const java = dynamo.process;
    // Last resort: never leave a Java process behind, whatever ends this one.
    process.on('exit', () => java.kill('SIGKILL'));
    java.once('exit', (code) => {
      if (!stopping) {
        console.error(`DynamoDB Local stopped unexpectedly (exit ${code}); shutting down.`);
        void stop(1);
      }
    });
  }

  const tableName = process.env.TABLE_NAME ?? localTableName;
  const table = await ensureTable(dynamo.endpoint, tableName);
  // Handlers read these at import, exactly like Lambda reads its configuration.
  Object.assign(process.env, localAwsEnvironment, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    SERVICE_NAME: 'service-desk',
    LOG_LEVEL: process.env.LOG_LEVEL ?? (quiet ? 'ERROR' : 'WARN'),
    // Webhooks may go to http://127.0.0.1 receivers here (tests, a developer's own listener);
    // in AWS only https to public addresses (shared/webhooks/address-guard.ts).
    WEBHOOKS_ALLOW_LOOPBACK: '1',
  });

  const { createLocalServer } = await import('./server');
  const { startTimerRuntime } = await import('./timer-runtime');
  const { startStreamRuntime } = await import('./stream-runtime');
  const clock = await import('../../shared/time/clock');
  // The controllable clock survives restarts with the data, so simulated time does not jump back.
  const clockFile = dataDir ? join(dataDir, 'clock.json') : undefined;
  if (clockFile && existsSync(clockFile)) {
    clock.setClockOffset((JSON.parse(readFileSync(clockFile, 'utf8')) as { offsetMs: number }).offsetMs);
  }
  const log = quiet ? undefined : (line: string) => console.log(line);
  const timers = await startTimerRuntime({ repoRoot, ...(log ? { log } : {}) });
  const stream = await startStreamRuntime({
    repoRoot,
    endpoint: dynamo.endpoint,
    tableName,
    ...(dataDir ? { checkpointFile: join(dataDir, 'stream-checkpoints.json') } : {}),
    ...(log ? { log } : {}),
  });
  const tokens = await localTokenAuthority(dataDir);
  server = createLocalServer({
    tokens,
    repoRoot,
    afterClockChange: async () => {
      if (clockFile) writeFileSync(clockFile, JSON.stringify({ offsetMs: clock.clockOffset() }));
      // Change-stream work first: what it schedules (webhook deliveries) is timer work.
      await stream.drain();
      await timers.settle();
    },
    ...(log ? { log } : {}),
    corsOrigins,
  });
  const listening = server;
  await new Promise<void>((ready, failed) => {
    listening.once('error', failed);
    listening.listen(port, host, ready);
  });
  const address = listening.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  console.log(
    [
      '',
      `Service desk API (local) on ${url}`,
      `  data:     ${dynamo.process ? (dataDir ?? 'in memory (lost on exit)') : 'kept by that DynamoDB Local'}; table ${tableName} (${table}) on DynamoDB Local ${dynamo.endpoint}${dynamo.process ? '' : ' (already running)'}`,
      `  token:    curl -s -X POST ${url}/local/tokens -H 'content-type: application/json' \\`,
      `              -d '{"tenantId":"demo","userId":"alice","roles":["admin"]}'`,
      `  health:   curl -s ${url}/v1/health`,
      `  docs:     ${url}/docs (the API reference; the document itself is ${url}/v1/openapi.json)`,
      `  cors:     ${corsOrigins.length > 0 ? corsOrigins.join(', ') : 'no browser origins allowed (set CORS_ORIGINS)'}`,
      '  stop:     Ctrl-C',
      '',
    ].join('\n'),
  );
}

/**
 * DynamoDB Local for this service: the one DYNAMODB_ENDPOINT names (left running on exit, e.g. a
 * test run's shared one), or one started here, in DATA_DIR or in memory, stopped with the service.
 */
async function localDynamoDb(
  dataDir: string | undefined,
): Promise<{ endpoint: string; process?: ChildProcess; stop(): Promise<void> }> {
  const external = process.env.DYNAMODB_ENDPOINT;
  if (external) {
    if (!/^https?:\/\/[^/]+\/?$/.test(external)) {
      throw new LocalRuntimeError(
        `DYNAMODB_ENDPOINT must be a URL such as http://127.0.0.1:8000, not "${external}".`,
      );
    }
    return { endpoint: external.replace(/\/$/, ''), stop: async () => {} };
  }
  const dynamoPort = process.env.DYNAMODB_PORT
    ? parsePort(process.env.DYNAMODB_PORT, 8000, 'DYNAMODB_PORT')
    : await freePort();
  return startDynamoDbLocal({ port: dynamoPort, ...(dataDir ? { dataDir } : {}) });
}

function localCorsOrigins(): string[] {
  try {
    return parseCorsOrigins(process.env.CORS_ORIGINS, 'CORS_ORIGINS');
  } catch (error) {
    throw new LocalRuntimeError((error as Error).message);
  }
}

function parsePort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new LocalRuntimeError(`${name} must be a port number (0–65535), not "${value}".`);
  }
  return port;
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((free, taken) => {
    const probe = createProbe();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      taken(
        error.code === 'EADDRINUSE'
          ? new LocalRuntimeError(
              `Port ${port} on ${host} is already in use. Stop what runs there or set PORT.`,
            )
          : error,
      ),
    );
    probe.listen(port, host, () => probe.close(() => free()));
  });
}

async function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const probe = createProbe();
    probe.once('error', failed);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => found(port));
    });
  });
}

main().catch((error: unknown) => {
  if (error instanceof LocalRuntimeError)
    console.error(`\nCannot start the local service desk: ${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
