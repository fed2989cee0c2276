import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../shared/errors';
import { parseRequestParts } from '../../shared/http/validation';
import { createStoreInput } from '../../shared/stores/schema';
import { createTicketInput } from '../../shared/tickets/schema';

describe('request validation', () => {
  it('collects problems from body, query and path in one error', () => {
    try {
      parseRequestParts({
        body: [createTicketInput, { storeId: 1 }],
        query: [createStoreInput, {}],
        params: undefined,
      });
      expect.unreachable();
    } catch (error) {
      const issues = (error as DomainError).issues.map((issue) => `${issue.in}.${issue.path}`);
      expect(issues).toEqual(
        expect.arrayContaining(['body.storeId', 'body.type', 'query.code', 'query.name']),
      );
    }
  });
});
