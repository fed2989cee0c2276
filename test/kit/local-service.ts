import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { dropTable } from '../../infra/local/dynamodb';

const root = resolve(import.meta.dirname, '../..');

export interface LocalService {
  readonly url: string;
  readonly process: ChildProcess;
  output(): string;
  /** Sends a signal (Ctrl-C by default) and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Any free loopback port, for servers the test starts itself. */
export async function freePort(): Promise<number> {
  return new Promise((found, failed) => {
    const probe = createServer();
    probe.once('error', failed);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => found(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Runs `infra/local/main.ts` exactly as `npm start` does, in its own process. */
export function runLocalService(env: Record<string, string>, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      LOCAL_QUIET: '1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Bounds for waits on the local service. A start runs a JVM (DynamoDB Local) and the table;
 * on a shared 2-core CI machine that has taken over a minute. Generous on purpose: they only
 * decide how long a broken run takes to fail, never whether a healthy one passes.
 */
export const serviceBounds = {
  startMs: 240_000,
  stopMs: 120_000,
} as const;

/** Timeouts for e2e tests and hooks that start `starts` services and move the clock. */
export const e2eTimeout = (starts = 1) => 180_000 + starts * (serviceBounds.startMs + serviceBounds.stopMs);

/**
 * The e2e project's one DynamoDB Local (test/kit/e2e-env.ts sets it): services share it, each
 * with a table of its own, instead of each starting a JVM (about 7 CPU seconds a start).
 */
const sharedDynamoDb = (env: Record<string, string>): Record<string, string> => {
  const endpoint = process.env.E2E_DYNAMODB_ENDPOINT;
  // A test of DynamoDB Local's own start or files (DYNAMODB_PORT) keeps its own.
  if (!endpoint || 'DYNAMODB_PORT' in env || 'DYNAMODB_ENDPOINT' in env) return {};
  // A restart in the same DATA_DIR finds the same table again.
  const key = env.DATA_DIR ? createHash('sha256').update(env.DATA_DIR).digest('hex') : randomUUID();
  return { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: env.TABLE_NAME ?? `e2e-${key.slice(0, 12)}` };
};

/** Starts the local service and waits for its banner (which names the URL). */
export async function startLocalService(
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<LocalService> {
  const shared = sharedDynamoDb(env);
  const child = runLocalService({ PORT: '0', ...shared, ...env }, args);
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((found, failed) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM'); // lets it stop its DynamoDB Local too
      failed(new Error(`local service did not start in ${serviceBounds.startMs / 1000} s:\n${output}`));
    }, serviceBounds.startMs);
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Service desk API \(local\) on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        found(match[1]);
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.once('exit', (code) => {
      clearTimeout(timer);
      failed(new Error(`local service exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: async (signal = 'SIGINT') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      // A service that ignores the signal is killed, and its exit code (null) fails the caller.
      const overdue = setTimeout(() => child.kill('SIGKILL'), serviceBounds.stopMs);
      try {
        return await exited;
      } finally {
        clearTimeout(overdue);
        // An in-memory run's table goes with it, as its own DynamoDB Local would have.
        if (shared.DYNAMODB_ENDPOINT && shared.TABLE_NAME && !env.DATA_DIR) {
          await dropTable(shared.DYNAMODB_ENDPOINT, shared.TABLE_NAME);
        }
      }
    },
  };
}

/** Waits for a process to end and returns its exit code and everything it printed. */
export async function completion(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  // 'close', not 'exit': only then has everything the process printed been read.
  const code = await new Promise<number | null>((done) => child.once('close', done));
  return { code, output };
}

export interface ApiClient {
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: {
      body?: unknown;
      rawBody?: string;
      token?: string | null;
      contentType?: string;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; contentType: string; body: T }>;
  token(claims: { tenantId: string; userId: string; roles: string[]; storeIds?: string[] }): Promise<string>;
}

export function apiClient(baseUrl: string): ApiClient {
  const client: ApiClient = {
    async call(method, path, options = {}) {
      const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      const headers: Record<string, string> = { ...options.headers };
      if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
      const text = await response.text();
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: (text ? JSON.parse(text) : undefined) as never,
      };
    },
    async token(claims) {
      const response = await client.call<{ token: string }>('POST', '/local/tokens', { body: claims });
      if (response.status !== 201) throw new Error(`token request failed: ${JSON.stringify(response.body)}`);
      return response.body.token;
    },
  };
  return client;
}
