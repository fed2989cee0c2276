import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/stream/aggregate-reports';
import { startTimerRuntime, type TimerRuntime } from '../../infra/local/timer-runtime';
import type { StaffRole } from '../../shared/access/roles';
import type { Customer } from '../../shared/customers/views';
import { addCounters, type Counters } from '../../shared/reports/counters';
import { consumedEntities } from '../../shared/reports/facts';
import { recountStoreDay } from '../../shared/reports/recount';
import { readDayCounts } from '../../shared/reports/repository';
import type { Revisit } from '../../shared/revisits/views';
import { defaultSlaPolicies } from '../../shared/sla/policies';
import { standardLadder } from '../../shared/sla/schema';
import type { StaffMember } from '../../shared/staff/views';
import type { Store } from '../../shared/stores/views';
import type { Ticket } from '../../shared/tickets/views';
import { setClockOffset } from '../../shared/time/clock';
import { localDate } from '../../shared/time/local-days';
import { created } from '../kit/fixtures';
import { admin, type Caller, freshTenant, invoke } from '../kit/invoke';
import { streamEvent, streamRecordsOf } from '../kit/stream';
import { itemsOfTenant } from '../kit/table';

const repoRoot = new URL('../..', import.meta.url).pathname;
const consumed: ReadonlySet<unknown> = new Set(consumedEntities);

/** mulberry32: a small seeded generator, so a failure replays exactly. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  const shuffle = <T>(list: readonly T[]): T[] => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return { next, int, pick, shuffle };
}

interface Team {
  readonly store: Store;
  readonly desk: Caller;
  readonly tech: Caller;
  readonly sup: Caller;
  readonly techStaff: StaffMember;
}

let timers: TimerRuntime;
let now = Date.parse('2026-11-23T00:30:00Z');
const setNow = (at: number) => {
  now = at;
  setClockOffset(at - Date.now());
};

beforeAll(async () => {
  timers = await startTimerRuntime({ repoRoot, intervals: false });
});
afterAll(() => timers.stop());
afterEach(() => setClockOffset(0));

describe('report reconciliation', () => {
  it('aggregateReports = recountStoreDay after 1,000 random operations over 3 stores and 6+ local days, duplicate, out-of-order and restarted deliveries', {
    // A bound, not a pace: ~200 s alone on a quiet machine, beyond 900 s beside other files with
    // every core busy (they share DynamoDB Local).
    timeout: 1_800_000,
  }, async () => {
    const random = seeded(20261123);
    const tenant = freshTenant('reconcile');
    const boss = admin(tenant);
    setNow(now);
    const teams: Team[] = [];
    for (const [code, timezone] of [
      ['R1', 'Asia/Shanghai'],
      ['R2', 'Asia/Shanghai'],
      ['R3', 'Europe/Berlin'], // local days that are not Shanghai's
    ] as const) {
      const store = await created<Store>('createStore', {
        caller: boss,
        body: { code, name: code, timezone },
      });
      const member = async (name: string, roles: StaffRole[]) => {
        const userId = `${name}-${code}-${tenant}`;
        const staff = await created<StaffMember>('createStaff', {
          caller: boss,
          body: { name: `${name}${code}`, roles, storeIds: [store.id], userId },
        });
        return { staff, caller: { tenantId: tenant, userId, roles, storeIds: [store.id] } };
      };
      const desk = await member('desk', ['front_desk']);
      const tech = await member('tech', ['technician']);
      const sup = await member('sup', ['supervisor']);
      teams.push({ store, desk: desk.caller, tech: tech.caller, sup: sup.caller, techStaff: tech.staff });
    }
    // One escalation step (breach → supervisors): the managers' step two hours on is the same kind
    // of fact again, and timer firings are most of this test's time.
    const policies = await invoke('putSlaPolicies', {
      caller: boss,
      body: {
        policies: defaultSlaPolicies.map((policy) => ({
          ...policy,
          escalations: standardLadder.slice(0, 1),
        })),
      },
    });
    expect(policies.status, JSON.stringify(policies.body)).toBe(200);
    const customers: Customer[] = [];
    for (let n = 0; n < 6; n++) {
      customers.push(
        await created<Customer>('createCustomer', {
          caller: boss,
          body: { phone: `1390000${String(n).padStart(4, '0')}` },
        }),
      );
    }

    const tickets = new Map<string, { ticket: Ticket; team: Team }>();
    const revisits = new Map<string, { id: string; team: Team }>();
    const teamOf = (storeId: string) => teams.find((team) => team.store.id === storeId) as Team;
    const remember = (ticket: Ticket) => {
      tickets.set(ticket.id, { ticket, team: teamOf(ticket.storeId) });
      if (ticket.postServiceRevisitId) {
        revisits.set(ticket.postServiceRevisitId, {
          id: ticket.postServiceRevisitId,
          team: teamOf(ticket.storeId),
        });
      }
    };
    const anyTicket = (wanted: (ticket: Ticket) => boolean) => {
      const list = [...tickets.values()].filter((entry) => wanted(entry.ticket));
      return list.length > 0 ? random.pick(list) : undefined;
    };
    const refresh = async (ticketId: string, team: Team) => {
      const read = await invoke<Ticket>('getTicket', { caller: team.sup, params: { ticketId } });
      if (read.status === 200) remember(read.body);
    };

    const types = ['inquiry', 'complaint', 'repair', 'installation', 'it_request', 'other'] as const;
    const channels = ['phone', 'hotline', 'walk_in', 'email', 'web', 'wechat', 'app'] as const;
    const priorities = ['low', 'normal', 'high', 'urgent'] as const;

    // Fewer tickets than moves, so most get worked to the end: a ticket left open for days fires
    // its whole SLA ladder (warnings, breaches, escalations), which cost half the test's time.
    async function operate(): Promise<number> {
      const roll = random.next();
      if (roll < 0.15 || tickets.size < 5) {
        const team = random.pick(teams);
        const answer = await invoke<Ticket>('createTicket', {
          caller: team.desk,
          body: {
            storeId: team.store.id,
            type: random.pick(types),
            channel: random.pick(channels),
            priority: random.pick(priorities),
            subject: '随机工单',
            ...(random.next() < 0.5 ? { customerId: random.pick(customers).id } : {}),
          },
        });
        if (answer.status === 201) remember(answer.body);
        return answer.status;
      }
      if (roll < 0.3) {
        const entry = anyTicket((ticket) => ticket.status === 'new' || ticket.status === 'assigned');
        if (!entry) return 0;
        const answer = await invoke<Ticket>('assignTicket', {
          caller: entry.team.desk,
          params: { ticketId: entry.ticket.id },
          body: { assigneeId: entry.team.techStaff.id },
        });
        if (answer.status === 200) remember(answer.body);
        return answer.status;
      }
      if (roll < 0.4) {
        const entry = anyTicket((ticket) => ticket.status !== 'closed' && ticket.status !== 'cancelled');
        if (!entry) return 0;
        const answer = await invoke('commentOnTicket', {
          caller: entry.team.desk,
          params: { ticketId: entry.ticket.id },
          body: { body: '跟进', visibility: random.next() < 0.6 ? 'public' : 'internal' },
        });
        await refresh(entry.ticket.id, entry.team);
        return answer.status;
      }
      if (roll < 0.75) {
        const entry = anyTicket((ticket) => ticket.status !== 'closed' && ticket.status !== 'cancelled');
        if (!entry) return 0;
        const { ticket, team } = entry;
        const move = (() => {
          if (random.next() < 0.05 && ticket.status !== 'resolved') {
            return { caller: team.sup, body: { to: 'cancelled', reason: '客户撤回' } };
          }
          switch (ticket.status) {
            case 'assigned':
            case 'pending_customer':
            case 'pending_third_party':
              return { caller: team.tech, body: { to: 'in_progress' } };
            case 'in_progress':
              return random.next() < 0.25
                ? {
                    caller: team.tech,
                    body: { to: random.pick(['pending_customer', 'pending_third_party']) },
                  }
                : { caller: team.tech, body: { to: 'resolved', resolution: '已处理' } };
            case 'resolved':
              return random.next() < 0.2
                ? { caller: team.desk, body: { to: 'in_progress', reason: '客户反馈未解决' } }
                : { caller: team.desk, body: { to: 'closed' } };
            default:
              return { caller: team.tech, body: { to: 'in_progress' } }; // new: refused (not assigned yet)
          }
        })();
        const answer = await invoke<Ticket>('transitionTicket', {
          caller: move.caller,
          params: { ticketId: ticket.id },
          body: move.body,
        });
        if (answer.status === 200) remember(answer.body);
        else await refresh(ticket.id, team);
        return answer.status;
      }
      if (roll < 0.85) {
        const entry = anyTicket((ticket) => ticket.status !== 'closed' && ticket.status !== 'cancelled');
        if (!entry) return 0;
        const answer = await invoke<Ticket>('updateTicket', {
          caller: entry.team.desk,
          params: { ticketId: entry.ticket.id },
          body: {
            version: entry.ticket.version,
            type: random.pick(types),
            priority: random.pick(priorities),
          },
        });
        if (answer.status === 200) remember(answer.body);
        else await refresh(entry.ticket.id, entry.team);
        return answer.status;
      }
      if (roll < 0.87) {
        const team = random.pick(teams);
        const answer = await invoke<Revisit>('createRevisit', {
          caller: team.desk,
          body: {
            customerId: random.pick(customers).id,
            storeId: team.store.id,
            dueAt: new Date(now + random.int(48 * 60) * 60_000).toISOString(),
          },
        });
        if (answer.status === 201) revisits.set(answer.body.id, { id: answer.body.id, team });
        return answer.status;
      }
      const open = [...revisits.values()];
      if (open.length === 0) return 0;
      const revisit = random.pick(open);
      const outcome = random.pick(['reached', 'reached', 'unreachable', 'refused'] as const);
      const answer = await invoke<Revisit>('recordRevisitAttempt', {
        caller: revisit.team.desk,
        params: { revisitId: revisit.id },
        body: { outcome, ...(outcome === 'reached' ? { satisfaction: 1 + random.int(5) } : {}) },
      });
      if (answer.status === 201 || answer.status === 200) {
        if (answer.body.status !== 'scheduled' && answer.body.status !== 'due') revisits.delete(revisit.id);
      } else {
        revisits.delete(revisit.id);
      }
      return answer.status;
    }

    // Stream deliveries while the work goes on: new and changed source items since the last
    // delivery, plus a sample of old ones again, shuffled, in batches of 100 as Lambda hands them.
    const delivered = new Map<string, unknown>();
    const allRecords: DynamoDBRecord[] = [];
    const deliver = async (records: DynamoDBRecord[]) => {
      for (let start = 0; start < records.length; start += 100) {
        const answer = await handler(streamEvent(records.slice(start, start + 100)));
        expect(answer).toEqual({ batchItemFailures: [] });
      }
    };
    const deliverChanges = async () => {
      const items = (await itemsOfTenant(tenant)).filter((item) => consumed.has(item.entity));
      // Events never change; a revisit is delivered again at each new version.
      const keyOf = (item: Record<string, unknown>) => `${item.pk}|${item.sk}`;
      const changed = items.filter(
        (item) => !delivered.has(keyOf(item)) || delivered.get(keyOf(item)) !== item.version,
      );
      for (const item of changed) delivered.set(keyOf(item), item.version);
      const fresh = changed.flatMap((item) =>
        streamRecordsOf([item], item.entity === 'revisit' && Number(item.version) > 1 ? 'MODIFY' : 'INSERT'),
      );
      allRecords.push(...fresh);
      const again = allRecords.filter(() => random.next() < 0.1);
      await deliver(random.shuffle([...fresh, ...again]));
    };

    // One revisit per store nobody calls before it is due: its timer marks it due (回访到期) for sure.
    for (const team of teams) {
      await created('createRevisit', {
        caller: team.desk,
        body: {
          customerId: random.pick(customers).id,
          storeId: team.store.id,
          dueAt: new Date(now + 2 * 60 * 60_000).toISOString(),
        },
      });
    }

    const statuses = new Map<number, number>();
    let operations = 0;
    while (operations < 1_000) {
      setNow(now + (1 + random.int(12)) * 60_000);
      const status = await operate();
      if (status === 0) continue;
      operations++;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (operations % 40 === 0) await timers.settle();
      if (operations % 150 === 0) await deliverChanges();
    }
    // Rare kinds must not hang on chance: a 503 (a create past its deadline on a starved machine)
    // changes the random walk. One reopen for sure: opened, assigned, started, resolved, reopened.
    {
      const team = teams[0] as Team;
      const ticket = await created<Ticket>('createTicket', {
        caller: team.desk,
        body: { storeId: team.store.id, type: 'repair', channel: 'phone', subject: '必然重开' },
      });
      const steps: [Caller, 'assignTicket' | 'transitionTicket', Record<string, unknown>][] = [
        [team.desk, 'assignTicket', { assigneeId: team.techStaff.id }],
        [team.tech, 'transitionTicket', { to: 'in_progress' }],
        [team.tech, 'transitionTicket', { to: 'resolved', resolution: '已处理' }],
        [team.desk, 'transitionTicket', { to: 'in_progress', reason: '客户反馈未解决' }],
      ];
      for (const [caller, route, body] of steps) {
        setNow(now + (1 + random.int(12)) * 60_000);
        const answer = await invoke(route, { caller, params: { ticketId: ticket.id }, body });
        expect(answer.status, `${route} ${JSON.stringify(body)}`).toBe(200);
      }
    }
    // A day later: the last SLA steps and due revisits.
    setNow(now + 24 * 60 * 60_000);
    await timers.settle();
    await deliverChanges();

    // A restart: a run that got through part of a batch and died, then the whole batch again;
    // then every record ever delivered once more, in another order.
    const everything = random.shuffle(allRecords);
    await deliver(everything.slice(0, 37));
    await deliver(everything.slice(0, 100));
    await deliver(everything);

    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    expect(operations).toBeGreaterThanOrEqual(1_000);
    expect(succeeded).toBeGreaterThan(600);

    const items = await itemsOfTenant(tenant);
    const days = new Set<string>();
    for (const item of items) {
      if (item.entity !== 'ticket_event' && item.entity !== 'revisit') continue;
      for (const team of teams) days.add(localDate(String(item.at ?? item.updatedAt), team.store.timezone));
    }
    for (const item of items.filter((entry) => entry.entity === 'revisit')) {
      for (const line of (item.history as { at: string }[]) ?? []) {
        for (const team of teams) days.add(localDate(line.at, team.store.timezone));
      }
    }
    expect(days.size).toBeGreaterThanOrEqual(6);

    const total: Counters = {};
    for (const team of teams) {
      for (const day of [...days].sort()) {
        const [aggregated, recounted] = await Promise.all([
          readDayCounts(tenant, team.store.id, day),
          recountStoreDay(tenant, team.store.id, day),
        ]);
        expect(aggregated, `${team.store.code} ${day}`).toEqual(recounted);
        addCounters(total, aggregated.store);
      }
    }
    // The sums cover what happened: every ticket opened once, and each kind of fact occurs.
    expect(total.opened).toBe(items.filter((item) => item.entity === 'ticket').length);
    const kinds = [
      'resolved',
      'closed',
      'cancelled',
      'reopened',
      'firstResponse.count',
      'sla.firstResponse.met',
      'sla.resolution.breached',
      'escalations',
      'revisits.due',
      'revisits.done',
      'revisits.attempts.unreachable',
      'satisfaction.count',
    ];
    expect(kinds.filter((counter) => !((total[counter] ?? 0) > 0))).toEqual([]);
  });
});
