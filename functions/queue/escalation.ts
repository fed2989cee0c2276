import { fireRefundDueTimer } from '../../shared/after-sales/timers';
import { fireClaimReminder } from '../../shared/compensation/timers';
import { fireComplaintTaskTimer } from '../../shared/complaints/timers';
import { fireMerchantTimer } from '../../shared/merchants/timers';
import { fireSlaTimer } from '../../shared/tickets/sla-timers';
import { timerQueueConsumer } from '../../shared/timers/consumer';

/**
 * Escalations and other timers that chase people: SLA clocks, merchants' notices, claims waiting on
 * approvers, complaint investigations overdue, refunds not paid within 7 days of the goods coming back.
 */
export const handler = timerQueueConsumer('escalation', {
  sla: fireSlaTimer,
  merchant: fireMerchantTimer,
  compensation: fireClaimReminder,
  complaint_task: fireComplaintTaskTimer,
  refund_due: fireRefundDueTimer,
});
