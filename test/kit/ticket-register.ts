import { expect } from 'vitest';
import { itemsOfTenant } from './table';

export interface RegisterAudit {
  /** Ticket items stored for the store, by id. */
  readonly tickets: ReadonlyMap<string, { readonly number: string }>;
  /** Per local day: how many numbers were reserved, which hold tickets, which are void. */
  readonly days: ReadonlyMap<string, { reserved: number; held: number[]; voided: number[] }>;
}

/**
 * Reads a store's number register straight from the table (not through the repository) and
 * asserts that every reserved number is accounted for exactly once: held by a stored ticket that
 * carries it, or void. Nothing else may be stored: no ticket without its entry.
 */
export async function expectEveryNumberAccountedFor(
  tenantId: string,
  store: { id: string; code: string },
): Promise<RegisterAudit> {
  const items = (await itemsOfTenant(tenantId)).filter(
    (item) => item.storeId === store.id || String(item.pk).endsWith(`#STORE#${store.id}`),
  );
  const tickets = new Map(
    items
      .filter((item) => item.entity === 'ticket')
      .map((item) => [item.id as string, { number: item.number as string }]),
  );
  const days = new Map<string, { reserved: number; held: number[]; voided: number[] }>();
  const dayOf = (day: string) => {
    let entry = days.get(day);
    if (!entry) {
      entry = { reserved: 0, held: [], voided: [] };
      days.set(day, entry);
    }
    return entry;
  };
  const heldBy = new Set<string>();
  for (const item of items) {
    const sk = String(item.sk);
    if (item.entity === 'ticket_counter') dayOf(sk.split('#')[1] as string).reserved = item.seq as number;
    if (item.entity === 'ticket_number' || item.entity === 'ticket_number_void') {
      const [, day, sequence] = sk.split('#') as [string, string, string];
      const entry = dayOf(day);
      if (item.entity === 'ticket_number_void') {
        entry.voided.push(Number(sequence));
        continue;
      }
      entry.held.push(Number(sequence));
      const ticket = tickets.get(item.ticketId as string);
      expect(ticket, `number ${item.number} names a ticket that is stored`).toBeDefined();
      expect(ticket?.number).toBe(item.number);
      expect(item.number).toBe(`${store.code}-${day}-${sequence.slice(-4)}`);
      heldBy.add(item.ticketId as string);
    }
  }
  for (const [day, entry] of days) {
    const accounted = [...entry.held, ...entry.voided].sort((a, b) => a - b);
    expect(accounted, `every number of ${day} is a ticket or void, once`).toEqual(
      Array.from({ length: entry.reserved }, (_, i) => i + 1),
    );
  }
  expect(
    [...tickets.keys()].filter((id) => !heldBy.has(id)),
    'tickets without a register entry',
  ).toEqual([]);
  return { tickets, days };
}
