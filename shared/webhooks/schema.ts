import {
  array,
  boolean,
  gte,
  type infer as Infer,
  int,
  maxLength,
  minLength,
  nullable,
  optional,
  refine,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { pageQueryFields, text, ulid } from '../schema/common';
import { webhookEventTypes, webhookFormats } from './catalogue';

/*
 * Outbound webhooks: INPUT schemas. What the API returns is in ./views.ts. The receiver's URL is
 * checked for its form here and for where it leads (after DNS) at every delivery
 * (./address-guard.ts).
 */

const receiverUrl = string().check(
  maxLength(2048),
  refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'Expected an https:// URL.',
  }),
);

const eventList = array(zEnum(webhookEventTypes)).check(
  minLength(1),
  maxLength(webhookEventTypes.length),
  refine((events) => new Set(events).size === events.length, { message: 'Name each event once.' }),
);

/**
 * Only events of these stores (每个门店 its own group chat); an event of another store is not
 * delivered, a tenant-wide one (a department of no store) is. Absent: every store.
 */
const storeList = array(ulid).check(
  minLength(1),
  maxLength(50),
  refine((ids) => new Set(ids).size === ids.length, { message: 'Name each store once.' }),
);

/** The 钉钉 robot's 加签 secret (`SEC…`), if its security setting is signing; never shown again. */
const robotSecret = string().check(minLength(1), maxLength(200));

export const createWebhookSubscriptionInput = strictObject({
  url: receiverUrl,
  events: eventList,
  description: optional(text(1, 200)),
  storeIds: optional(storeList),
  /** standard (Standard Webhooks JSON, default), or a 企业微信 / 钉钉 group robot's markdown message. */
  format: optional(zEnum(webhookFormats)),
  robotSecret: optional(robotSecret),
}).check(
  refine((input) => input.robotSecret === undefined || input.format === 'dingtalk', {
    message: 'Only a 钉钉 (dingtalk) robot takes a signing secret.',
    path: ['robotSecret'],
  }),
);
export type CreateWebhookSubscriptionInput = Infer<typeof createWebhookSubscriptionInput>;

export const updateWebhookSubscriptionInput = strictObject({
  version: int().check(gte(1)),
  url: optional(receiverUrl),
  events: optional(eventList),
  description: optional(text(1, 200)),
  /** true re-enables a subscription the desk disabled after 3 days of failures. */
  enabled: optional(boolean()),
  /** null: every store again. */
  storeIds: optional(nullable(storeList)),
  format: optional(zEnum(webhookFormats)),
  /** null: the robot no longer signs. */
  robotSecret: optional(nullable(robotSecret)),
});
export type UpdateWebhookSubscriptionInput = Infer<typeof updateWebhookSubscriptionInput>;

export const rotateWebhookSecretInput = strictObject({ version: int().check(gte(1)) });
export type RotateWebhookSecretInput = Infer<typeof rotateWebhookSecretInput>;

export const listWebhookSubscriptionsQuery = strictObject({ ...pageQueryFields });
export type ListWebhookSubscriptionsQuery = Infer<typeof listWebhookSubscriptionsQuery>;

export const listWebhookDeliveriesQuery = strictObject({ ...pageQueryFields });
export type ListWebhookDeliveriesQuery = Infer<typeof listWebhookDeliveriesQuery>;

export const subscriptionIdParams = strictObject({ subscriptionId: ulid });
