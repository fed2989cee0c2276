import { fireGuestMessageTimer } from '../../shared/guest-messages/timers';
import { fireLoanTimer } from '../../shared/lending/timers';
import { fireLostItemTimer } from '../../shared/lost-and-found/timers';
import { fireLuggageTimer } from '../../shared/luggage/timers';
import { fireRepairTimer } from '../../shared/repairs/timers';
import { fireRevisitTimer } from '../../shared/revisits/timers';
import { timerQueueConsumer } from '../../shared/timers/consumer';
import { fireWakeUpTimer } from '../../shared/wake-up-calls/timers';

/**
 * The desk's own timed work: a revisit coming due, a wake-up call's time, a lent item overdue,
 * a found item's retention over, a message still undelivered, luggage left unclaimed, a repair
 * stage stalled.
 */
export const handler = timerQueueConsumer('revisit', {
  revisit: fireRevisitTimer,
  wake_up: fireWakeUpTimer,
  loan: fireLoanTimer,
  lost_item: fireLostItemTimer,
  guest_message: fireGuestMessageTimer,
  luggage: fireLuggageTimer,
  repair_stall: fireRepairTimer,
});
