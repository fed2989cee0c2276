import { describe, expect, it } from 'vitest';
import { buildHttpEvent } from '../../infra/local/events';

describe('API Gateway v2 events', () => {
  it('joins repeated query parameters, lowercases headers and leaves JSON bodies as text', () => {
    const event = buildHttpEvent({
      method: 'POST',
      path: '/v1/tickets',
      rawQueryString: 'status=new&status=assigned&limit=5',
      headers: { 'Content-Type': 'application/json', 'X-Trace': 'abc' },
      body: '{"a":1}',
      routeKey: 'POST /v1/tickets',
      claims: { sub: 'u' },
      now: new Date('2026-11-26T08:00:00Z'),
    });
    expect(event.queryStringParameters).toEqual({ status: 'new,assigned', limit: '5' });
    expect(event.headers['x-trace']).toBe('abc');
    expect(event.body).toBe('{"a":1}');
    expect(event.isBase64Encoded).toBe(false);
    expect(event.requestContext.authorizer.jwt.claims).toEqual({ sub: 'u' });
    expect(event.requestContext.timeEpoch).toBe(Date.parse('2026-11-26T08:00:00Z'));
  });

  it('base64-encodes binary bodies and omits the authorizer on public routes', () => {
    const event = buildHttpEvent({
      method: 'POST',
      path: '/v1/health',
      headers: { 'content-type': 'image/png' },
      body: Buffer.from([0, 1, 2, 255]),
      routeKey: '$default',
      now: new Date(),
    });
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body ?? '', 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect('authorizer' in event.requestContext).toBe(false);
  });
});
