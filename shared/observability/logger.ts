import type { Context } from 'aws-lambda';

/**
 * One structured JSON logger per process: one line per entry, the shape Powertools Logger writes
 * (level, message, timestamp, service, function_* keys, xray_trace_id), so log queries and the
 * metric filters in infra/stack.ts read the same fields. Our own because Powertools Logger put
 * ~21 KB into every handler bundle and the HTTP handlers must stay within the GetItem
 * baseline + 100 KB (bench/bundles.ts); this is all of it we used.
 */
export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT';

const rank: Record<LogLevel, number> = { DEBUG: 10, INFO: 20, WARN: 30, ERROR: 40, SILENT: 100 };

type LogFields = Readonly<Record<string, unknown>>;

function levelFrom(value: string | undefined): LogLevel {
  const upper = value?.toUpperCase();
  return upper !== undefined && upper in rank ? (upper as LogLevel) : 'INFO';
}

/** Errors become plain fields (JSON.stringify drops their message and stack otherwise). */
function serializable(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    return {
      name: value.name,
      message: value.message,
      stack: value.stack,
      ...(value.cause === undefined ? {} : { cause: value.cause }),
    };
  }
  return typeof value === 'bigint' ? value.toString() : value;
}

export class JsonLogger {
  #level: LogLevel;
  #invocationKeys: LogFields = {};
  #appendedKeys: Record<string, unknown> = {};
  #coldStart = true;
  readonly #service: string;

  constructor(service: string, level: LogLevel) {
    this.#service = service;
    this.#level = level;
  }

  setLogLevel(level: LogLevel): void {
    this.#level = level;
  }

  /** Called once per invocation: the Lambda context's keys replace the last invocation's keys. */
  startInvocation(context: Pick<Context, 'awsRequestId' | 'functionName'>): void {
    this.#invocationKeys = {
      cold_start: this.#coldStart,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    this.#coldStart = false;
    this.#appendedKeys = {};
  }

  /** Keys carried by every entry until the next invocation starts. */
  appendKeys(keys: LogFields): void {
    Object.assign(this.#appendedKeys, keys);
  }

  debug(message: string, fields?: LogFields): void {
    this.#write('DEBUG', message, fields);
  }

  info(message: string, fields?: LogFields): void {
    this.#write('INFO', message, fields);
  }

  warn(message: string, fields?: LogFields): void {
    this.#write('WARN', message, fields);
  }

  error(message: string, fields?: LogFields): void {
    this.#write('ERROR', message, fields);
  }

  #write(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (rank[level] < rank[this.#level]) return;
    const traceId = process.env._X_AMZN_TRACE_ID?.match(/Root=([^;]+)/)?.[1];
    const entry = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.#service,
      ...this.#invocationKeys,
      ...(traceId ? { xray_trace_id: traceId } : {}),
      ...this.#appendedKeys,
      ...fields,
    };
    let line: string;
    try {
      line = JSON.stringify(entry, serializable);
    } catch {
      // A circular field must not take the request down with it.
      line = JSON.stringify({
        level,
        message,
        timestamp: entry.timestamp,
        service: this.#service,
        unloggable: true,
      });
    }
    (rank[level] >= rank.WARN ? process.stderr : process.stdout).write(`${line}\n`);
  }
}

export const logger = new JsonLogger(
  process.env.SERVICE_NAME ?? 'service-desk',
  levelFrom(process.env.LOG_LEVEL),
);
