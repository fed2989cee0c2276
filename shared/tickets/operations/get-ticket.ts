import type { Principal } from '../../access/principal';
import { visibleTicket } from '../changes';
import type { Ticket } from '../views';

export async function getTicket(principal: Principal, ticketId: string): Promise<Ticket> {
  return visibleTicket(principal, ticketId);
}
