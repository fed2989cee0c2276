import { getEntity, isNew, putEntity } from '../db/items';
import { ConditionFailed, writeTransaction } from '../db/transactions';
import { merchantEntity } from '../merchants/entities';
import type { ChangeEvent } from '../stream/events';
import { ticketEntity } from '../tickets/entities';
import { timerKey } from '../timers/keys';
import { scheduleTimerWrite } from '../timers/repository';
import { type WebhookEvent, type WebhookFormat, wantsStore, webhookEventsOf } from './catalogue';
import { type WebhookDelivery, webhookDeliveryEntity } from './entities';
import { robotBody, robotSummary } from './formats';
import { deliveryIdOf } from './message-id';
import { allSubscriptions } from './repository';

/*
 * The change stream → deliveries (the fan-out consumer). Apart from the sender (./delivery.ts) so
 * the fan-out's bundle carries neither the signing library nor the address guard.
 */

const deliveryTimerKey = (tenantId: string, deliveryId: string) => timerKey(tenantId, deliveryId, 'webhook');

/** What the payload carries as `data.resource`: the ticket or case the event is about, as it is now. */
async function resourceOf(change: ChangeEvent, event: WebhookEvent): Promise<unknown> {
  switch (change.source) {
    case 'ticket_event':
      return (await getEntity(ticketEntity, { tenantId: change.tenantId, id: event.resource.id })) ?? null;
    case 'deposit_entry':
      return (await getEntity(merchantEntity, { tenantId: change.tenantId, id: event.resource.id })) ?? null;
    default:
      return change.subject;
  }
}

/** What the payload carries as `data.event`: the timeline event, history entry, or new version. */
const changeOf = (change: ChangeEvent): unknown =>
  'event' in change
    ? change.event
    : 'entry' in change
      ? change.entry
      : { what: change.change, at: change.at };

/** The one body every attempt of the event sends: `{type, timestamp, data: {event, resource}}`. */
export const payloadOf = (change: ChangeEvent, event: WebhookEvent, resource: unknown): string =>
  JSON.stringify({
    type: event.type,
    timestamp: change.at,
    data: { event: changeOf(change), resource },
  });

/** The body of one format: the Standard Webhooks payload, or a group robot's markdown message. */
export const bodyOf = (format: WebhookFormat, change: ChangeEvent, event: WebhookEvent, resource: unknown) =>
  format === 'standard'
    ? payloadOf(change, event, resource)
    : robotBody(format, robotSummary(event.type, change.at, changeOf(change), resource));

/** The store the event's resource belongs to, if it has one. */
const storeOf = (resource: unknown): string | undefined => {
  const storeId = (resource as { storeId?: unknown } | null)?.storeId;
  return typeof storeId === 'string' ? storeId : undefined;
};

/**
 * One delivery per (event, subscription) that wants it, each with its timer due now. The
 * delivery's id is derived from the event's key and the subscription, and its put is
 * conditional: a redelivered stream record writes nothing twice. A change that is two events
 * (a complaint a judgement closes) keys its second by the type as well.
 */
export async function fanOutChange(change: ChangeEvent, now: Date): Promise<number> {
  const events = webhookEventsOf(change);
  if (events.length === 0) return 0;
  const subscriptions = (await allSubscriptions(change.tenantId)).filter(
    (subscription) => subscription.enabled,
  );
  let written = 0;
  let resource: unknown;
  let resourceRead = false;
  for (const [index, event] of events.entries()) {
    const byType = subscriptions.filter((subscription) => subscription.events.includes(event.type));
    if (byType.length === 0) continue;
    if (!resourceRead) {
      resource = await resourceOf(change, event);
      resourceRead = true;
    }
    const storeId = storeOf(resource);
    const wanting = byType.filter((subscription) => wantsStore(subscription.storeIds, storeId));
    const eventKey = index === 0 ? change.key : `${change.key}#${event.type}`;
    const bodies = new Map<WebhookFormat, string>();
    for (const subscription of wanting) {
      const format = subscription.format ?? 'standard';
      const body = bodies.get(format) ?? bodyOf(format, change, event, resource);
      bodies.set(format, body);
      if (
        await writeDelivery(
          change.tenantId,
          deliveryIdOf(eventKey, subscription.id),
          subscription.id,
          event,
          body,
          now,
        )
      ) {
        written++;
      }
    }
  }
  return written;
}

/** The delivery and its first timer; false when an earlier delivery of the same record wrote it. */
async function writeDelivery(
  tenantId: string,
  id: string,
  subscriptionId: string,
  event: WebhookEvent,
  body: string,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const delivery: WebhookDelivery = {
    id,
    subscriptionId,
    type: event.type,
    body,
    status: 'pending',
    attempts: 0,
    createdAt: at,
    updatedAt: at,
  };
  try {
    await writeTransaction(tenantId, [
      putEntity(webhookDeliveryEntity, tenantId, delivery, isNew),
      scheduleTimerWrite({
        ...deliveryTimerKey(tenantId, id),
        tenantId,
        kind: 'webhook',
        queue: 'webhook',
        subjectId: id,
        stage: 'attempt#1',
        dueAt: at,
        generation: 0,
      }),
    ]);
    return true;
  } catch (error) {
    // Written by an earlier delivery of the same record: nothing to do.
    if (error instanceof ConditionFailed && error.index === 0) return false;
    throw error;
  }
}
