import { tableName } from '../db/client';
import { getEntity, isNew, putEntity } from '../db/items';
import { ConditionFailed, type TransactionItem, writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { merchantEntity } from '../merchants/entities';
import { notificationWrite } from '../notifications/inbox';
import { listStaffOfTenant } from '../staff/repository';
import type { StaffMember } from '../staff/views';
import type { ChangeEvent } from '../stream/events';
import { ticketEntity } from '../tickets/entities';
import { timerKey } from '../timers/keys';
import { dropTimerWrite, findTimer, scheduleTimerWrite, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { addressPolicyFrom } from './address-guard';
import { type WebhookEvent, wantsStore, webhookEventsOf } from './catalogue';
import {
  type StoredSubscription,
  type WebhookDelivery,
  webhookAttemptEntity,
  webhookDeliveryEntity,
  webhookSubscriptionEntity,
} from './entities';
import { dingtalkSignedUrl, robotBody, robotRefusal, robotSummary, type WebhookFormat } from './formats';
import { allSubscriptions, findSubscription } from './repository';
import {
  type AttemptResult,
  deliveryIdOf,
  disableAfterFailingMs,
  postWebhook,
  retryDelaySeconds,
  signatureHeaders,
  signingSecretsOf,
} from './sending';
import type { WebhookAttempt } from './views';

/** Delivery log lines and finished deliveries are kept this long (the table's TTL removes them). */
const keepSeconds = 30 * 24 * 3600;
const expiresAt = (now: Date) => Math.floor(now.getTime() / 1000) + keepSeconds;

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

async function tenantAdmins(tenantId: string): Promise<StaffMember[]> {
  const admins: StaffMember[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const found = await listStaffOfTenant(tenantId, 100, cursor);
    admins.push(...found.items.filter((member) => member.roles.includes('admin')));
    cursor = found.cursor ?? undefined;
    if (!cursor) break;
  }
  return admins;
}

/** Only while the delivery is still where this attempt found it. */
const deliveryPut = (tenantId: string, delivery: WebhookDelivery, attemptsBefore: number, now: Date) => {
  const put = putEntity(webhookDeliveryEntity, tenantId, delivery, {
    expression: 'attempts = :before AND #status = :pending',
    names: { '#status': 'status' },
    values: { ':before': attemptsBefore, ':pending': 'pending' },
  });
  if (put.Put && delivery.status !== 'pending') put.Put.Item = { ...put.Put.Item, expiresAt: expiresAt(now) };
  return put;
};

/**
 * The subscription's failure bookkeeping: a success clears `failingSince`; a failure starts it,
 * or, once it is 3 days old, disables the subscription and tells the tenant's admins.
 */
async function subscriptionWrites(
  tenantId: string,
  subscription: StoredSubscription,
  result: AttemptResult,
  now: Date,
): Promise<TransactionItem[]> {
  const key = webhookSubscriptionEntity.key({ tenantId, id: subscription.id });
  const update = (expression: string, values?: Record<string, unknown>): TransactionItem => ({
    Update: {
      TableName: tableName,
      Key: key,
      UpdateExpression: expression,
      ConditionExpression: 'attribute_exists(pk)',
      ...(values ? { ExpressionAttributeValues: values } : {}),
    },
  });
  if (result.outcome === 'delivered') {
    return subscription.failingSince ? [update('REMOVE failingSince')] : [];
  }
  if (!subscription.failingSince) return [update('SET failingSince = :now', { ':now': now.toISOString() })];
  if (now.getTime() - Date.parse(subscription.failingSince) < disableAfterFailingMs) return [];
  const at = now.toISOString();
  const admins = await tenantAdmins(tenantId);
  return [
    update(
      'SET enabled = :false, disabledAt = :now, disabledReason = :reason, updatedAt = :now, version = version + :one',
      {
        ':false': false,
        ':now': at,
        ':reason': `Every delivery failed since ${subscription.failingSince}.`,
        ':one': 1,
      },
    ),
    ...admins.map((admin) =>
      notificationWrite(tenantId, {
        id: newId(now),
        staffId: admin.id,
        kind: 'webhook_disabled',
        subscriptionId: subscription.id,
        url: subscription.url,
        failingSince: subscription.failingSince as string,
        at,
      }),
    ),
  ];
}

/**
 * A delivery's timer is due: one attempt, signed with the same `webhook-id` as every other
 * attempt of it; the attempt is logged, and the delivery is done, failed for good, or retried
 * after the backoff. A disabled or deleted subscription gets no request: the delivery ends.
 * Conditioned on the timer's dispatched generation, so a duplicate message sends nothing twice
 * once the first has been recorded.
 */
export async function fireWebhookTimer(
  message: TimerMessage,
  now: Date,
): Promise<'applied' | 'stale' | 'duplicate'> {
  const key = { pk: message.pk, sk: message.sk };
  const timer = await findTimer(key);
  if (!timer || timer.generation !== message.generation || timer.state !== 'dispatched') return 'stale';
  const { tenantId } = timer;
  const delivery = await getEntity<WebhookDelivery>(webhookDeliveryEntity, { tenantId, id: timer.subjectId });
  if (delivery?.status !== 'pending') {
    await unlessAlreadyDone(message, () =>
      writeTransaction(tenantId, [dropTimerWrite(key, timer.generation)]),
    );
    return 'stale';
  }
  const subscription = await findSubscription(tenantId, delivery.subscriptionId);
  if (!subscription?.enabled) {
    const cancelled: WebhookDelivery = { ...delivery, status: 'cancelled', updatedAt: now.toISOString() };
    const applied = await unlessAlreadyDone(message, () =>
      writeTransaction(tenantId, [
        deliveryPut(tenantId, cancelled, delivery.attempts, now),
        dropTimerWrite(key, timer.generation),
      ]),
    );
    return applied ? 'applied' : 'duplicate';
  }

  const attempt = delivery.attempts + 1;
  const format = subscription.format ?? 'standard';
  // 钉钉 加签 is per request (its timestamp must be within the hour); the guard checks that URL.
  const url =
    format === 'dingtalk' && subscription.robotSecret
      ? dingtalkSignedUrl(subscription.url, subscription.robotSecret, now)
      : subscription.url;
  const posted = await postWebhook(
    url,
    signatureHeaders(signingSecretsOf(subscription, now), delivery.id, now, delivery.body),
    delivery.body,
    addressPolicyFrom(),
  );
  const refusal = posted.outcome === 'delivered' ? robotRefusal(format, posted.answer ?? '') : undefined;
  const { answer: _answer, ...sent } = posted;
  const result: AttemptResult = refusal ? { ...sent, outcome: 'failed', error: refusal } : sent;
  const delay = result.outcome === 'delivered' ? undefined : retryDelaySeconds(attempt);
  const nextAttemptAt =
    delay === undefined ? undefined : new Date(now.getTime() + delay * 1000).toISOString();
  const at = now.toISOString();
  const logLine: WebhookAttempt = {
    id: newId(now),
    subscriptionId: subscription.id,
    deliveryId: delivery.id,
    type: delivery.type,
    attempt,
    at,
    outcome: result.outcome,
    ...(result.responseStatus === undefined ? {} : { responseStatus: result.responseStatus }),
    latencyMs: result.latencyMs,
    ...(result.error ? { error: result.error } : {}),
    ...(nextAttemptAt ? { nextAttemptAt } : {}),
  };
  const logPut = putEntity(webhookAttemptEntity, tenantId, logLine, isNew);
  if (logPut.Put) logPut.Put.Item = { ...logPut.Put.Item, expiresAt: expiresAt(now) };
  const after: WebhookDelivery = {
    ...delivery,
    attempts: attempt,
    status: result.outcome === 'delivered' ? 'delivered' : nextAttemptAt ? 'pending' : 'failed',
    updatedAt: at,
  };
  const timerWrite = nextAttemptAt
    ? scheduleTimerWrite(
        {
          ...key,
          tenantId,
          kind: 'webhook',
          queue: 'webhook',
          subjectId: delivery.id,
          stage: `attempt#${attempt + 1}`,
          dueAt: nextAttemptAt,
          generation: timer.generation + 1,
        },
        timer.generation,
      )
    : dropTimerWrite(key, timer.generation);
  const applied = await unlessAlreadyDone(message, async () =>
    writeTransaction(tenantId, [
      deliveryPut(tenantId, after, delivery.attempts, now),
      timerWrite,
      logPut,
      ...(await subscriptionWrites(tenantId, subscription, result, now)),
    ]),
  );
  return applied ? 'applied' : 'duplicate';
}
