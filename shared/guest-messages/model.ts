import { DomainError } from '../errors';
import type {
  AcknowledgeGuestMessageInput,
  CreateGuestMessageInput,
  DeliverGuestMessageInput,
} from './schema';
import type { GuestMessage, GuestMessageHistoryEntry } from './views';

/** Pure guest-message changes: the message as read, the request, the actor and `now` in. */

export function newGuestMessage(fields: {
  id: string;
  input: CreateGuestMessageInput;
  reminderMinutes: number;
  actorId: string;
  now: Date;
}): GuestMessage {
  const { input, now } = fields;
  const at = now.toISOString();
  return {
    id: fields.id,
    storeId: input.storeId,
    ...(input.room ? { room: input.room } : {}),
    ...(input.guestName ? { guestName: input.guestName } : {}),
    from: input.from,
    ...(input.callbackNumber ? { callbackNumber: input.callbackNumber } : {}),
    content: input.content,
    takenBy: fields.actorId,
    takenAt: at,
    status: 'undelivered',
    remindAt: new Date(now.getTime() + fields.reminderMinutes * 60_000).toISOString(),
    history: [{ at, by: fields.actorId, what: 'taken', detail: `from ${input.from}` }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** The reminder a message still needs: once, at `remindAt`, while nobody has delivered it. */
export function guestMessageTimerOf(message: GuestMessage): { stage: string; dueAt: string } | undefined {
  return message.status === 'undelivered' && !message.remindedAt
    ? { stage: 'undelivered', dueAt: message.remindAt }
    : undefined;
}

const changed = (
  message: GuestMessage,
  now: Date,
  changes: Partial<GuestMessage>,
  history: GuestMessageHistoryEntry[],
): GuestMessage => ({
  ...message,
  ...changes,
  history: [...message.history, ...history],
  updatedAt: now.toISOString(),
  version: message.version + 1,
});

/** Still undelivered at `remindAt`: the desk is reminded (the message stays undelivered). */
export function markUndeliveredReminded(message: GuestMessage, now: Date): GuestMessage {
  return changed(message, now, { remindedAt: now.toISOString() }, [
    { at: now.toISOString(), by: 'timer', what: 'undelivered_reminded', detail: `taken ${message.takenAt}` },
  ]);
}

/** Delivered to the room (in person, under the door, the message light…): the reminder ends. */
export function applyDelivery(
  message: GuestMessage,
  input: DeliverGuestMessageInput,
  context: { actorId: string; now: Date },
): GuestMessage {
  if (message.status !== 'undelivered') {
    throw new DomainError('conflict', 'guest_message_delivered', `The message is already ${message.status}.`);
  }
  const at = context.now.toISOString();
  return changed(
    message,
    context.now,
    {
      status: 'delivered',
      delivery: { how: input.how, at, by: context.actorId, ...(input.note ? { note: input.note } : {}) },
    },
    [{ at, by: context.actorId, what: 'delivered', detail: input.how }],
  );
}

/** The guest has read it; from undelivered too (the guest came to the desk and read it there). */
export function applyAcknowledgement(
  message: GuestMessage,
  input: AcknowledgeGuestMessageInput,
  context: { actorId: string; now: Date },
): GuestMessage {
  if (message.status === 'acknowledged') {
    throw new DomainError('conflict', 'guest_message_acknowledged', 'The message is already acknowledged.');
  }
  const at = context.now.toISOString();
  return changed(message, context.now, { status: 'acknowledged', acknowledgedAt: at }, [
    { at, by: context.actorId, what: 'acknowledged', ...(input.note ? { detail: input.note } : {}) },
  ]);
}
