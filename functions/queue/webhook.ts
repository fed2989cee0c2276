import { timerQueueConsumer } from '../../shared/timers/consumer';
import { fireWebhookTimer } from '../../shared/webhooks/delivery';

/**
 * Outbound webhook attempts, on their own queue so a slow receiver never delays wake-up calls or
 * escalations: one attempt per message, the records of a batch side by side.
 */
export const handler = timerQueueConsumer('webhook', { webhook: fireWebhookTimer });
