import type { TransactionItem } from '../db/transactions';
import { newId } from '../ids';
import { type Notification, notificationWrite } from '../notifications/inbox';
import { workloadWrite } from '../staff/repository';
import { workloadDelta } from './model';
import type { Ticket } from './views';

/** Side effects of a ticket change: open-ticket counts and the new assignee's inbox. */
export function sideEffects(
  tenantId: string,
  before: Ticket | undefined,
  after: Ticket,
  now: Date,
): TransactionItem[] {
  const at = now.toISOString();
  const workload = workloadDelta(before, after).map((change) =>
    workloadWrite(tenantId, after.storeId, change, change.delta > 0 ? at : undefined),
  );
  const newlyAssigned =
    after.assigneeId && after.assigneeId !== before?.assigneeId ? after.assigneeId : undefined;
  const inbox: Notification[] = newlyAssigned
    ? [
        {
          id: newId(now),
          staffId: newlyAssigned,
          kind: 'ticket_assigned',
          ticketId: after.id,
          ticketNumber: after.number,
          subject: after.subject,
          storeId: after.storeId,
          at,
        },
      ]
    : [];
  return [...workload, ...inbox.map((entry) => notificationWrite(tenantId, entry))];
}
