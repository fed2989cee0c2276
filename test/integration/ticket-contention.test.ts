import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildLambdaContext, routeEvent } from '../../infra/local/events';
import type { HttpHandler } from '../../shared/http/handler';
import { httpRoutes } from '../../shared/http/route-table';
import type { Ticket } from '../../shared/tickets/views';
import { currentTime } from '../../shared/time/clock';
import { deskFixture } from '../kit/fixtures';
import { type InvocationResult, invoke, problem } from '../kit/invoke';
import { itemsOfTenant } from '../kit/table';
import { expectEveryNumberAccountedFor } from '../kit/ticket-register';

const repair = (storeId: string, subject: string) => ({
  storeId,
  type: 'repair',
  channel: 'hotline',
  subject,
});

/** Runs `count` calls with at most `concurrency` in flight, as a pool of connections would. */
async function pool<T>(count: number, concurrency: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await call(i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

describe('createTicket under contention', () => {
  it('opens 100 tickets in one store at 32 concurrent: none refused for contention, every answer stored, every number accounted for', async () => {
    const fresh = await deskFixture('contention', 'CT01');
    const answers: InvocationResult<Ticket>[] = await pool(100, 32, (i) =>
      invoke<Ticket>('createTicket', { caller: fresh.as.desk, body: repair(fresh.store.id, `争用 ${i}`) }),
    );
    const refused = answers.filter((answer) => answer.status !== 201);
    // Contention is never an error: the one allowed refusal is a 503 behind which nothing is stored.
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(answer.headers['retry-after']).toBe('1');
    }
    const register = await expectEveryNumberAccountedFor(fresh.tenant, fresh.store);
    const answered = answers.filter((answer) => answer.status === 201).map((answer) => answer.body);
    // Every answered ticket is stored with the number it was answered with, and nothing else is.
    expect(new Map(answered.map((ticket) => [ticket.id, { number: ticket.number }]))).toEqual(
      register.tickets,
    );
    expect(new Set(answered.map((ticket) => ticket.number)).size).toBe(answered.length);
    // Contention in the store's counter never refuses; a starved machine may run a create past its
    // 10 s deadline, which is a clean 503 `deadline` (nothing stored, the register says so above).
    expect(refused.map((answer) => problem(answer).code).filter((code) => code !== 'deadline')).toEqual([]);
    expect(answered.length).toBeGreaterThan(0);
    // A generous bound for a busy machine; the test asserts outcomes, never timings.
  }, 180_000);

  it('answers 503 with Retry-After and writes nothing when the deadline leaves no time for the work', async () => {
    const fresh = await deskFixture('deadline', 'DL01');
    const route = httpRoutes.createTicket;
    const file = pathToFileURL(resolve(import.meta.dirname, '../..', route.handler)).href;
    const { handler } = (await import(/* @vite-ignore */ file)) as { handler: HttpHandler };
    const event = routeEvent(
      route,
      {
        caller: { ...fresh.as.desk, roles: [...fresh.as.desk.roles], storeIds: [fresh.store.id] },
        body: JSON.stringify(repair(fresh.store.id, '来不及')),
      },
      currentTime(),
    );
    // Less time left than the margin kept for answering: the create must not start writing.
    const response = await handler(event, buildLambdaContext('test-createTicket', 1_500));
    expect(response.statusCode).toBe(503);
    expect(response.headers?.['retry-after']).toBe('1');
    expect(response.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ status: 503, code: 'deadline' });
    const stored = (await itemsOfTenant(fresh.tenant)).filter((item) =>
      ['ticket', 'ticket_event', 'ticket_counter', 'ticket_number', 'ticket_number_void'].includes(
        item.entity as string,
      ),
    );
    expect(stored).toEqual([]);
  }, 60_000);
});
