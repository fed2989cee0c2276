import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../shared/db/cursor';
import { DomainError, invalidInput, notFound } from '../../shared/errors';
import { problemFromError, problemResponse } from '../../shared/http/problem';

const scope = {
  keyAttributes: ['pk', 'sk', 'gsi1pk', 'gsi1sk'],
  partition: { attribute: 'gsi1pk', value: 'T#acme#STORE#S1#STATUS#new' },
};
const key = { pk: 'T#acme#TICKET#X', sk: 'TICKET', gsi1pk: 'T#acme#STORE#S1#STATUS#new', gsi1sk: 'X' };

const refusal = (cursor: string) => {
  try {
    decodeCursor(cursor, scope);
    return undefined;
  } catch (error) {
    return (error as DomainError).issues.map((issue) => `${issue.in}.${issue.path}`);
  }
};

describe('cursor', () => {
  it('round-trips a page boundary of the same list', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor ?? undefined, scope)).toEqual(key);
    expect(encodeCursor(undefined)).toBeNull();
    expect(decodeCursor(undefined, scope)).toBeUndefined();
  });

  it('refuses cursors of another partition, another shape, or no cursor at all', () => {
    const otherTenant = encodeCursor({ ...key, gsi1pk: 'T#evil#STORE#S1#STATUS#new' }) ?? '';
    const missingKey = encodeCursor({ pk: key.pk, sk: key.sk, gsi1pk: key.gsi1pk }) ?? '';
    const extraKey = encodeCursor({ ...key, admin: 'yes' }) ?? '';
    const numeric = Buffer.from(JSON.stringify({ ...key, sk: 1 })).toString('base64url');
    for (const cursor of [
      otherTenant,
      missingKey,
      extraKey,
      numeric,
      'not base64 at all!',
      'bnVsbA',
      'W10',
    ]) {
      expect(refusal(cursor)).toEqual(['query.cursor']);
    }
  });

  it('refuses a boundary outside the queried sort-key prefix', () => {
    const storeScope = {
      keyAttributes: ['pk', 'sk'],
      partition: { attribute: 'pk', value: 'T#acme' },
      sortKeyPrefix: { attribute: 'sk', prefix: 'STORE#' },
    };
    const staffBoundary = encodeCursor({ pk: 'T#acme', sk: 'STAFF#1' }) ?? '';
    expect(() => decodeCursor(staffBoundary, storeScope)).toThrow(DomainError);
    const storeBoundary = encodeCursor({ pk: 'T#acme', sk: 'STORE#1' }) ?? '';
    expect(decodeCursor(storeBoundary, storeScope)).toEqual({ pk: 'T#acme', sk: 'STORE#1' });
  });
});

describe('problem responses', () => {
  it('maps each domain error kind to its status and keeps the field list', () => {
    const problem = problemFromError(
      invalidInput([{ in: 'body', path: 'subject', message: 'Required.' }]),
      'req-1',
    );
    expect(problem).toMatchObject({ status: 400, code: 'invalid_input', instance: 'urn:request:req-1' });
    expect(problem.errors).toEqual([{ in: 'body', path: 'subject', message: 'Required.' }]);
    expect(problemFromError(notFound('ticket'))).toMatchObject({ status: 404, code: 'ticket_not_found' });
    expect(problemFromError(new DomainError('rule_refused', 'x', 'no')).status).toBe(422);
  });

  it('never leaks what an unexpected error says', () => {
    const problem = problemFromError(new Error('ConditionalCheckFailed on pk=T#acme secret'), 'req-2');
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret');
    const response = problemResponse(problem);
    expect(response.headers).toMatchObject({ 'content-type': 'application/problem+json' });
  });
});
