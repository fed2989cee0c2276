import { createHash } from 'node:crypto';
import type { Principal } from '../../access/principal';
import { queryEntities } from '../../db/query';
import { invalidInput } from '../../errors';
import type { ExportRevisitRegisterQuery } from '../../exports/schema';
import type { RevisitRegisterPage } from '../../exports/views';
import { revisitEntity } from '../../revisits/entities';
import { revisitStatuses } from '../../revisits/schema';
import type { Revisit } from '../../revisits/views';
import { localDaysRange } from '../../time/local-days';
import { customersById, staffNamesById, staffNamesByUser, ticketsById } from '../lookups';
import { exportFilters } from '../period';
import { revisitRegisterLineOf } from '../registers/lines';
import { storeOfLedger } from '../store';

/** Where a page of the register starts: a status's view, and the position in it (null: its start). */
interface Position {
  readonly status: number;
  readonly inner: string | null;
}

const badCursor = () =>
  invalidInput(
    [{ in: 'query', path: 'cursor', message: 'Not a cursor from this list with these filters.' }],
    'The cursor does not belong to this list and these filters; start again without it.',
  );

/** Binds the outer cursor to the ask as the inner one is bound to its Query (binding, not secrecy). */
const digestOf = (filters: Readonly<Record<string, string>>) =>
  createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 22);

const encodePosition = (position: Position, digest: string) =>
  Buffer.from(JSON.stringify({ q: digest, s: position.status, c: position.inner }), 'utf8').toString(
    'base64url',
  );

/** The position a cursor stands for; the inner cursor is checked again by its own Query. */
function decodePosition(cursor: string | undefined, digest: string): Position {
  if (cursor === undefined) return { status: 0, inner: null };
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof decoded !== 'object' || decoded === null || Object.keys(decoded).length !== 3) throw badCursor();
  const { q, s, c } = decoded as { q?: unknown; s?: unknown; c?: unknown };
  const status = typeof s === 'number' && Number.isInteger(s) ? s : -1;
  if (q !== digest || status < 0 || status >= revisitStatuses.length) throw badCursor();
  if (c !== null && (typeof c !== 'string' || c === '')) throw badCursor();
  return { status, inner: c };
}

/**
 * 回访登记表: one page of a store's revisits due on the local days from–to, whatever their status.
 * Revisits are kept per store and status sorted by due time, so the register reads the status
 * views one after another (scheduled, due, done, failed, cancelled), each a Query between the
 * period's bounds; the cursor says which view and where in it. A rescheduled revisit is listed
 * on its current due day.
 */
export async function exportRevisitRegister(
  principal: Principal,
  query: ExportRevisitRegisterQuery,
): Promise<RevisitRegisterPage> {
  const { tenantId } = principal;
  const store = await storeOfLedger(principal, query.storeId);
  const [low, high] = localDaysRange(query.from, query.to, store.timezone);
  // Sort keys are `<dueAt ISO>#<id>`: from the first instant to past every id of the last.
  const bounds: [string, string] = [new Date(low).toISOString(), `${new Date(high).toISOString()}#~`];
  const revisits: Revisit[] = [];
  const filters = exportFilters(query);
  const digest = digestOf(filters);
  let position = decodePosition(query.cursor, digest);
  while (position.status < revisitStatuses.length && revisits.length < query.limit) {
    const status = revisitStatuses[position.status];
    const page = await queryEntities<Revisit>({
      ...revisitEntity.view('byStoreStatus', { tenantId, storeId: store.storeId, status }),
      sortKeyBetween: bounds,
      limit: query.limit - revisits.length,
      cursor: position.inner ?? undefined,
      list: 'revisit-register',
      filters: { ...filters, status },
    });
    revisits.push(...page.items);
    position = page.cursor
      ? { ...position, inner: page.cursor }
      : { status: position.status + 1, inner: null };
  }
  const [customers, tickets, staff, users] = await Promise.all([
    customersById(
      tenantId,
      revisits.map((revisit) => revisit.customerId),
    ),
    ticketsById(
      tenantId,
      revisits.flatMap((revisit) => (revisit.ticketId ? [revisit.ticketId] : [])),
    ),
    staffNamesById(
      tenantId,
      revisits.flatMap((revisit) => (revisit.assigneeId ? [revisit.assigneeId] : [])),
    ),
    staffNamesByUser(
      tenantId,
      revisits.flatMap((revisit) => revisit.attempts.map((attempt) => attempt.by)),
    ),
  ]);
  const lookups = { timezone: store.timezone, users, staff, tickets, customers };
  return {
    ...store,
    from: query.from,
    to: query.to,
    items: revisits.map((revisit) => revisitRegisterLineOf(revisit, lookups)),
    cursor: position.status < revisitStatuses.length ? encodePosition(position, digest) : null,
  };
}
