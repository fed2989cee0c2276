import { afterEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../shared/observability/logger';
import { admin, freshTenant, invoke } from '../kit/invoke';

/** What the service logs goes to stdout as JSON lines (Powertools); capture it per request. */
async function logsOf(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  logger.setLogLevel('DEBUG');
  try {
    await work();
  } finally {
    write.mockRestore();
    logger.setLogLevel('SILENT');
  }
  return lines
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('structured logs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('carry request id, tenant and route, and never the token, the body or the claims', async () => {
    const tenant = freshTenant('logs');
    const secret = 'eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl';
    const entries = await logsOf(() =>
      invoke('createTicket', {
        caller: admin(tenant),
        headers: { authorization: `Bearer ${secret}` },
        body: { storeId: 'not-an-id', subject: '客户身份证号 310101199001011234' },
      }),
    );
    const refused = entries.find((entry) => entry.message === 'request refused');
    expect(refused).toMatchObject({
      level: 'INFO',
      tenantId: tenant,
      route: 'POST /v1/tickets',
      status: 400,
      code: 'invalid_input',
      apiRequestId: expect.any(String),
      function_request_id: expect.any(String),
    });
    const everything = JSON.stringify(entries);
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain('310101199001011234');
    expect(everything).not.toContain('authorization');
  });
});
