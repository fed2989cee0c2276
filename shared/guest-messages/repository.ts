import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import { type CreateRemembered, type TransactionItem, writeVersioned } from '../db/transactions';
import { subjectTimerWrites } from '../timers/repository';
import { guestMessageEntity, guestMessageTimerKey } from './entities';
import { guestMessageTimerOf } from './model';
import type { GuestMessage } from './views';

/**
 * The writes that store a message: the item, and its reminder timer whenever that changed
 * (scheduled with the message's version as its generation, or dropped). `firedGeneration` is set
 * by the timer's own consumer, so a duplicate delivery cannot remind twice.
 */
export function guestMessageWrites(
  tenantId: string,
  message: GuestMessage,
  before?: GuestMessage,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = subjectTimerWrites(
    {
      ...guestMessageTimerKey(tenantId, message.id),
      tenantId,
      kind: 'guest_message',
      queue: 'revisit',
      subjectId: message.id,
      generation: message.version,
    },
    guestMessageTimerOf(message),
    before ? guestMessageTimerOf(before) : undefined,
    firedGeneration,
  );
  return [
    putEntity(guestMessageEntity, tenantId, message, before ? atVersion(before.version) : isNew),
    ...timer,
  ];
}

export async function saveGuestMessages(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  await writeVersioned(tenantId, items, 'guest message', remembered);
}

export async function findGuestMessage(tenantId: string, id: string): Promise<GuestMessage | undefined> {
  return getEntity(guestMessageEntity, { tenantId, id });
}

/** A store's messages in one status, oldest first. */
export async function guestMessagesOfStore(
  tenantId: string,
  storeId: string,
  status: GuestMessage['status'],
  page: { limit: number; cursor: string | undefined },
): Promise<Page<GuestMessage>> {
  return queryEntities<GuestMessage>({
    ...guestMessageEntity.view('byStoreStatus', { tenantId, storeId, status }),
    list: 'guest-messages',
    filters: { storeId, status },
    ...page,
  });
}
