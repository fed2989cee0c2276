import { customerEntity, purchaseEntity } from '../customers/entities';
import type { Customer, Purchase } from '../customers/views';
import { withoutKeys } from '../db/entity';
import { getItems } from '../db/query';
import { signInReservationEntity, staffMemberEntity } from '../staff/entities';
import type { StaffMember } from '../staff/views';
import { ticketEntity } from '../tickets/entities';
import type { Ticket } from '../tickets/views';

/*
 * What a register page looks up once for all its lines: BatchGetItem, 100 keys a call, each key
 * once, so a page of n lines costs O(n) reads whatever the lines share. Absent items are simply
 * missing (a removed staff member's sign-in is then written as is).
 */

async function itemsOf<T>(keys: readonly Record<string, unknown>[]): Promise<T[]> {
  const unique = [...new Map(keys.map((key) => [JSON.stringify(key), key])).values()];
  const items: T[] = [];
  for (let start = 0; start < unique.length; start += 100) {
    for (const item of await getItems(unique.slice(start, start + 100))) items.push(withoutKeys<T>(item));
  }
  return items;
}

/** Staff names by staff id. */
export async function staffNamesById(tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const members = await itemsOf<StaffMember>(ids.map((id) => staffMemberEntity.key({ tenantId, id })));
  return new Map(members.map((member) => [member.id, member.name]));
}

/** Staff names by sign-in (the `by` of the cases' steps): the sign-in's reservation, then the member. */
export async function staffNamesByUser(
  tenantId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const reservations = await itemsOf<{ userId: string; staffId: string }>(
    userIds.map((userId) => signInReservationEntity.key({ tenantId, userId })),
  );
  const names = await staffNamesById(
    tenantId,
    reservations.map((reservation) => reservation.staffId),
  );
  return new Map(
    reservations.flatMap((reservation) => {
      const name = names.get(reservation.staffId);
      return name ? [[reservation.userId, name] as const] : [];
    }),
  );
}

export async function ticketsById(
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, { number: string; channel: string }>> {
  const tickets = await itemsOf<Ticket>(ids.map((id) => ticketEntity.key({ tenantId, id })));
  return new Map(tickets.map((ticket) => [ticket.id, { number: ticket.number, channel: ticket.channel }]));
}

export async function customersById(
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, Customer>> {
  const customers = await itemsOf<Customer>(ids.map((id) => customerEntity.key({ tenantId, id })));
  return new Map(customers.map((customer) => [customer.id, customer]));
}

export async function purchasesById(
  tenantId: string,
  refs: readonly { readonly customerId: string; readonly purchaseId: string }[],
): Promise<Map<string, Purchase>> {
  const purchases = await itemsOf<Purchase>(
    refs.map((ref) => purchaseEntity.key({ tenantId, customerId: ref.customerId, id: ref.purchaseId })),
  );
  return new Map(purchases.map((purchase) => [purchase.id, purchase]));
}
