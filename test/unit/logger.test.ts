import { afterEach, describe, expect, it, vi } from 'vitest';
import { JsonLogger } from '../../shared/observability/logger';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation(
    (chunk: string | Uint8Array) => out.push(String(chunk)) > 0,
  );
  vi.spyOn(process.stderr, 'write').mockImplementation(
    (chunk: string | Uint8Array) => err.push(String(chunk)) > 0,
  );
  const parse = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { out: () => parse(out), err: () => parse(err) };
}

const context = (awsRequestId: string) => ({ awsRequestId, functionName: 'createTicket' });

describe('JsonLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes one JSON line per entry at or above its level, errors and warnings to stderr', () => {
    const lines = capture();
    const logger = new JsonLogger('service-desk', 'INFO');
    logger.debug('not written');
    logger.info('ticket opened', { ticketId: 't1' });
    logger.warn('slow');
    logger.error('failed', { error: new TypeError('bad', { cause: 'root' }) });
    expect(lines.out()).toEqual([
      expect.objectContaining({
        level: 'INFO',
        message: 'ticket opened',
        service: 'service-desk',
        ticketId: 't1',
      }),
    ]);
    const [warning, failure] = lines.err();
    expect(warning).toMatchObject({ level: 'WARN', message: 'slow' });
    expect(failure).toMatchObject({
      level: 'ERROR',
      error: {
        name: 'TypeError',
        message: 'bad',
        cause: 'root',
        stack: expect.stringContaining('TypeError: bad'),
      },
    });
    expect(Date.parse(String(failure?.timestamp))).not.toBeNaN();
  });

  it('carries the invocation’s keys until the next invocation starts, and marks only the first as cold', () => {
    const lines = capture();
    const logger = new JsonLogger('service-desk', 'DEBUG');
    logger.startInvocation(context('r1'));
    logger.appendKeys({ tenantId: 'acme' });
    logger.info('first');
    logger.startInvocation(context('r2'));
    logger.info('second');
    const [first, second] = lines.out();
    expect(first).toMatchObject({ function_request_id: 'r1', cold_start: true, tenantId: 'acme' });
    expect(second).toMatchObject({
      function_request_id: 'r2',
      cold_start: false,
      function_name: 'createTicket',
    });
    expect(second).not.toHaveProperty('tenantId');
  });

  it('writes nothing when silent, and survives a field it cannot serialize', () => {
    const lines = capture();
    const logger = new JsonLogger('service-desk', 'SILENT');
    logger.error('hidden');
    expect(lines.err()).toEqual([]);
    logger.setLogLevel('INFO');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    logger.info('circular', { loop });
    expect(lines.out()).toEqual([expect.objectContaining({ message: 'circular', unloggable: true })]);
  });
});
