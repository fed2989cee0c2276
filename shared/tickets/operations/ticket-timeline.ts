import type { Principal } from '../../access/principal';
import type { Page } from '../../db/cursor';
import { visibleTicket } from '../changes';
import { listTimeline } from '../repository';
import type { TicketTimelineQuery } from '../schema';
import type { TimelineEvent } from '../views';

/** A ticket's history, oldest first, page by page. */
export async function ticketTimeline(
  principal: Principal,
  ticketId: string,
  query: TicketTimelineQuery,
): Promise<Page<TimelineEvent>> {
  await visibleTicket(principal, ticketId);
  return listTimeline(principal.tenantId, ticketId, query);
}
