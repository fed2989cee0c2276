import { fireClaimReminder } from '../../shared/compensation/timers';
import { fireComplaintTaskTimer } from '../../shared/complaints/timers';
import { fireMerchantTimer } from '../../shared/merchants/timers';
import { fireSlaTimer } from '../../shared/tickets/sla-timers';
import { timerQueueConsumer } from '../../shared/timers/consumer';

/**
 * Escalations and other timers that chase people: SLA clocks, merchants' notices, claims waiting on
 * approvers, complaint investigations overdue.
 */
export const handler = timerQueueConsumer('escalation', {
  sla: fireSlaTimer,
  merchant: fireMerchantTimer,
  compensation: fireClaimReminder,
  complaint_task: fireComplaintTaskTimer,
});
