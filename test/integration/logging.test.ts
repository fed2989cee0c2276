import { afterEach, describe, expect, it, vi } from 'vitest';
import { admin, freshTenant, invoke } from '../kit/invoke';
import { logsOf } from '../kit/logs';

describe('structured logs', () => {
  afterEach(() => vi.restoreAllMocks());

  it('carry request id, tenant and route, and never the token, the body or the claims', async () => {
    const tenant = freshTenant('logs');
    const secret = 'eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2lnbmF0dXJl';
    const entries = await logsOf(
      () =>
        invoke('createTicket', {
          caller: admin(tenant),
          headers: { authorization: `Bearer ${secret}` },
          body: { storeId: 'not-an-id', subject: '客户身份证号 310101199001011234' },
        }),
      'DEBUG',
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
