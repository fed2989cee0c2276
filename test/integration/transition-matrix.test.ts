import { beforeAll, describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles } from '../../shared/access/roles';
import { judgeTransition } from '../../shared/tickets/lifecycle';
import type { TicketStatus } from '../../shared/tickets/schema';
import { transitionTargets } from '../../shared/tickets/schema';
import type { Ticket } from '../../shared/tickets/views';
import { type DeskFixture, deskFixture } from '../kit/fixtures';
import { type Caller, invoke, problem } from '../kit/invoke';

/**
 * Every (from, to) move through the real handler and DynamoDB Local: for each, one caller the
 * status machine allows and one it refuses (or, for an illegal move, the most powerful caller).
 */
const paths: Record<TicketStatus, readonly { to: string; reason?: string; resolution?: string }[]> = {
  new: [],
  assigned: [{ to: 'assigned' }],
  in_progress: [{ to: 'assigned' }, { to: 'in_progress' }],
  pending_customer: [{ to: 'assigned' }, { to: 'in_progress' }, { to: 'pending_customer' }],
  pending_third_party: [{ to: 'assigned' }, { to: 'in_progress' }, { to: 'pending_third_party' }],
  resolved: [{ to: 'assigned' }, { to: 'in_progress' }, { to: 'resolved', resolution: '已处理' }],
  closed: [
    { to: 'assigned' },
    { to: 'in_progress' },
    { to: 'resolved', resolution: '已处理' },
    { to: 'closed' },
  ],
  cancelled: [{ to: 'cancelled', reason: '重复' }],
};

describe('transitionTicket: every transition through the handler', () => {
  let desk: DeskFixture;
  const callers = (): Record<StaffRole, Caller> => ({
    front_desk: desk.as.desk,
    complaint_handler: desk.as.handler,
    // Not the ticket's assignee: assignees have their own rule, tested below.
    technician: desk.as.tech2,
    supervisor: desk.as.supervisor,
    manager: desk.as.manager,
    admin: desk.admin,
  });

  beforeAll(async () => {
    desk = await deskFixture('matrix');
  });

  /** A repair ticket assigned to the technician, walked to `status` by a supervisor. */
  async function ticketIn(status: TicketStatus): Promise<Ticket> {
    let ticket = (
      await invoke<Ticket>('createTicket', {
        caller: desk.as.desk,
        body: { storeId: desk.store.id, type: 'repair', channel: 'phone', subject: `矩阵 ${status}` },
      })
    ).body;
    for (const step of paths[status]) {
      const result =
        step.to === 'assigned'
          ? await invoke<Ticket>('assignTicket', {
              caller: desk.as.supervisor,
              params: { ticketId: ticket.id },
              body: { assigneeId: desk.staff.tech.id },
            })
          : await invoke<Ticket>('transitionTicket', {
              caller: desk.as.supervisor,
              params: { ticketId: ticket.id },
              body: step,
            });
      expect(result.status, `${status}: ${step.to}`).toBe(200);
      ticket = result.body;
    }
    expect(ticket.status).toBe(status);
    return ticket;
  }

  const bodyFor = (to: string) => ({ to, reason: '客户要求', resolution: '已处理' });

  for (const from of Object.keys(paths) as TicketStatus[]) {
    it(`from ${from}: every target, allowed and refused as the role table says`, async () => {
      for (const to of transitionTargets) {
        const verdicts = staffRoles.map((role) => ({
          role,
          verdict: judgeTransition(from, to, { roles: [role], isAssignee: false }),
        }));
        const allowed = verdicts.find(({ verdict }) => verdict.ok)?.role;
        const refused = verdicts.find(({ verdict }) => !verdict.ok)?.role;
        // One ticket per target: a refusal leaves it as it was (checked), so the allowed move follows on it.
        const ticket = await ticketIn(from);
        if (refused) {
          const result = await invoke('transitionTicket', {
            caller: callers()[refused],
            params: { ticketId: ticket.id },
            body: bodyFor(to),
          });
          const expected = allowed ? 403 : 409;
          expect(result.status, `${from} → ${to} by ${refused}`).toBe(expected);
          expect(problem(result).code).toBe(allowed ? 'transition_not_allowed' : 'illegal_transition');
          const unchanged = await invoke<Ticket>('getTicket', {
            caller: desk.admin,
            params: { ticketId: ticket.id },
          });
          expect(unchanged.body.version).toBe(ticket.version);
        }
        if (allowed) {
          const result = await invoke<Ticket>('transitionTicket', {
            caller: callers()[allowed],
            params: { ticketId: ticket.id },
            body: bodyFor(to),
          });
          expect(result.status, `${from} → ${to} by ${allowed}`).toBe(200);
          expect(result.body.status).toBe(to);
        }
      }
    });
  }

  it('lets the technician move their own ticket, but not cancel it', async () => {
    const ticket = await ticketIn('assigned');
    const start = await invoke<Ticket>('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'in_progress' },
    });
    expect(start.body.status).toBe('in_progress');
    const cancel = await invoke('transitionTicket', {
      caller: desk.as.tech,
      params: { ticketId: ticket.id },
      body: { to: 'cancelled', reason: 'x' },
    });
    expect(cancel.status).toBe(403);
  });
});
