import type { OpenFollowUp } from '../revisits/operations/record-revisit-attempt';
import { createTicket } from '../tickets/operations/create-ticket';

/** An unhappy revisit (score 1–2) opens a high-priority complaint, linked back to the revisit. */
export const openFollowUpComplaint: OpenFollowUp = (principal, revisit, attempt, now, claim) =>
  createTicket(
    principal,
    {
      storeId: revisit.storeId,
      type: 'complaint',
      channel: 'phone',
      priority: 'high',
      subject: `回访不满意（${attempt.satisfaction} 分）`,
      description: attempt.comment ?? '',
      customerId: revisit.customerId,
      ...(revisit.purchaseId ? { purchaseId: revisit.purchaseId } : {}),
    },
    now,
    claim,
    { revisitId: revisit.id },
  );
