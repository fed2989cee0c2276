import { describe, expect, it } from 'vitest';
import { DomainError, invalidInput, notFound } from '../../shared/errors';
import { problemFromError, problemResponse } from '../../shared/http/problem';

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
