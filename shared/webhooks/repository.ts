import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryAll, queryEntities } from '../db/query';
import { ConditionFailed, type CreateRemembered, writeTransaction } from '../db/transactions';
import { notFound, versionConflict } from '../errors';
import { type StoredSubscription, webhookAttemptEntity, webhookSubscriptionEntity } from './entities';
import type { WebhookAttempt, WebhookSubscription } from './views';

/** A tenant has a handful of subscriptions; more than this is refused at create. */
export const maxSubscriptionsPerTenant = 50;

/** The subscription as the API shows it: never a secret. */
export const publicView = (stored: StoredSubscription): WebhookSubscription => {
  const { secret: _secret, previousSecret: _previous, robotSecret, format, ...subscription } = stored;
  return { ...subscription, format: format ?? 'standard', ...(robotSecret ? { robotSigned: true } : {}) };
};

export const findSubscription = (tenantId: string, id: string) =>
  getEntity<StoredSubscription>(webhookSubscriptionEntity, { tenantId, id });

export async function subscriptionOrNotFound(tenantId: string, id: string): Promise<StoredSubscription> {
  const found = await findSubscription(tenantId, id);
  if (!found) throw notFound('webhook_subscription');
  return found;
}

/** Every subscription of the tenant (the fan-out reads them per event; a tenant has few). */
export async function allSubscriptions(tenantId: string): Promise<StoredSubscription[]> {
  const items = await queryAll(
    webhookSubscriptionEntity.view(undefined, { tenantId }),
    maxSubscriptionsPerTenant,
  );
  return items.map((item) => withoutKeys<StoredSubscription>(item));
}

export async function listSubscriptions(
  tenantId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<WebhookSubscription>> {
  const page = await queryEntities<StoredSubscription>({
    ...webhookSubscriptionEntity.view(undefined, { tenantId }),
    list: 'webhook-subscriptions',
    limit,
    cursor,
  });
  return { items: page.items.map(publicView), cursor: page.cursor };
}

/** Saves a subscription: new (`before` absent) or at the version read. */
export async function saveSubscription(
  tenantId: string,
  subscription: StoredSubscription,
  before: StoredSubscription | undefined,
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(
      tenantId,
      [
        putEntity(
          webhookSubscriptionEntity,
          tenantId,
          subscription,
          before ? atVersion(before.version) : isNew,
        ),
      ],
      remembered,
    );
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw versionConflict('webhook_subscription');
    throw error;
  }
}

export async function deleteSubscription(tenantId: string, id: string): Promise<void> {
  try {
    await writeTransaction(tenantId, [
      {
        Delete: {
          TableName: tableName,
          Key: webhookSubscriptionEntity.key({ tenantId, id }),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw notFound('webhook_subscription');
    throw error;
  }
}

export async function listAttempts(
  tenantId: string,
  subscriptionId: string,
  limit: number,
  cursor: string | undefined,
): Promise<Page<WebhookAttempt>> {
  return queryEntities<WebhookAttempt>({
    ...webhookAttemptEntity.view(undefined, { tenantId, subscriptionId }),
    list: 'webhook-deliveries',
    limit,
    cursor,
    newestFirst: true,
  });
}
