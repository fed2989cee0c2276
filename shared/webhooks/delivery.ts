import { tableName } from '../db/client';
import { getEntity, isNew, putEntity } from '../db/items';
import { type TransactionItem, writeTransaction } from '../db/transactions';
import { newId } from '../ids';
import { notificationWrite } from '../notifications/inbox';
import { metricNames } from '../observability/metric-names';
import { recordCount } from '../observability/metrics';
import { listStaffOfTenant } from '../staff/repository';
import type { StaffMember } from '../staff/views';
import { dropTimerWrite, findTimer, scheduleTimerWrite, unlessAlreadyDone } from '../timers/repository';
import type { TimerMessage } from '../timers/schema';
import { addressPolicyFrom } from './address-guard';
import {
  type StoredSubscription,
  type WebhookDelivery,
  webhookAttemptEntity,
  webhookDeliveryEntity,
  webhookSubscriptionEntity,
} from './entities';
import { dingtalkSignedUrl, robotRefusal } from './formats';
import { findSubscription } from './repository';
import {
  type AttemptResult,
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
  // Failed attempts are what on-call watches (the receiver's problem or ours); once per attempt.
  if (applied) recordCount(metricNames.webhookAttempts, { outcome: result.outcome });
  return applied ? 'applied' : 'duplicate';
}
