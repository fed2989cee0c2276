import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../shared/errors';
import { parseRequestParts } from '../../shared/http/validation';
import { newStaffMember } from '../../shared/staff/model';
import { newStore } from '../../shared/stores/model';
import { createStoreInput } from '../../shared/stores/schema';
import { openTicket } from '../../shared/tickets/model';
import { createTicketInput } from '../../shared/tickets/schema';

const now = new Date('2026-11-26T09:30:00+08:00');

describe('opening a ticket', () => {
  it('is new, unassigned, version 1, stamped with the injected time and actor, with a created event', () => {
    const input = createTicketInput.parse({
      storeId: '01M8CFFSPPM7KHC0J6FQ7N11K4',
      type: 'return',
      channel: 'hotline',
      subject: '  七天无理由退货  ',
    });
    const { ticket, created } = openTicket(
      input,
      { ticketId: 'T1', eventId: 'E1', number: 'SH01-20261126-0001' },
      'clerk',
      now,
    );
    expect(ticket).toMatchObject({
      id: 'T1',
      subject: '七天无理由退货',
      priority: 'normal',
      description: '',
      status: 'new',
      assigneeId: null,
      createdBy: 'clerk',
      createdAt: '2026-11-26T01:30:00.000Z',
      version: 1,
    });
    expect(created).toEqual({
      id: 'E1',
      ticketId: 'T1',
      kind: 'created',
      number: 'SH01-20261126-0001',
      actorId: 'clerk',
      at: ticket.createdAt,
    });
  });
});

describe('stores and staff', () => {
  it('builds entities from validated input and the injected clock', () => {
    const store = newStore(createStoreInput.parse({ code: 'hz01', name: '杭州店' }), 'S1', now);
    expect(store).toMatchObject({ code: 'HZ01', timezone: 'Asia/Shanghai', kind: 'other', version: 1 });
    const member = newStaffMember({ name: 'x', roles: ['admin'], storeIds: [] }, 'M1', now);
    expect(member.updatedAt).toBe(now.toISOString());
  });

  it('accepts IANA zones including DST-observing ones, refuses abbreviations and nonsense', () => {
    const zone = (timezone: string) =>
      createStoreInput.safeParse({ code: 'AB', name: 'n', timezone }).success;
    expect(zone('Europe/Berlin')).toBe(true);
    expect(zone('UTC')).toBe(true);
    expect(zone('CST')).toBe(false);
    expect(zone('Mars/Olympus')).toBe(false);
  });
});

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

describe('ids', () => {
  it('carry their own creation time even when the clock moves back', async () => {
    const { newId } = await import('../../shared/ids');
    const { decodeTime } = await import('ulidx');
    const later = new Date('2026-12-01T00:00:00Z');
    const earlier = new Date('2026-11-26T00:00:00Z');
    const first = newId(later);
    const second = newId(earlier);
    expect(decodeTime(first)).toBe(later.getTime());
    expect(decodeTime(second)).toBe(earlier.getTime());
    const sameMs = [newId(earlier), newId(earlier), newId(earlier)];
    expect([...sameMs].sort()).toEqual(sameMs);
  });
});
