import {
  array,
  boolean,
  gte,
  type infer as Infer,
  int,
  maxLength,
  minLength,
  optional,
  refine,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';
import { pageQueryFields, text, ulid } from '../schema/common';
import { webhookEventTypes } from './catalogue';

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

export const createWebhookSubscriptionInput = strictObject({
  url: receiverUrl,
  events: eventList,
  description: optional(text(1, 200)),
});
export type CreateWebhookSubscriptionInput = Infer<typeof createWebhookSubscriptionInput>;

export const updateWebhookSubscriptionInput = strictObject({
  version: int().check(gte(1)),
  url: optional(receiverUrl),
  events: optional(eventList),
  description: optional(text(1, 200)),
  /** true re-enables a subscription the desk disabled after 3 days of failures. */
  enabled: optional(boolean()),
});
export type UpdateWebhookSubscriptionInput = Infer<typeof updateWebhookSubscriptionInput>;

export const rotateWebhookSecretInput = strictObject({ version: int().check(gte(1)) });
export type RotateWebhookSecretInput = Infer<typeof rotateWebhookSecretInput>;

export const listWebhookSubscriptionsQuery = strictObject({ ...pageQueryFields });
export type ListWebhookSubscriptionsQuery = Infer<typeof listWebhookSubscriptionsQuery>;

export const listWebhookDeliveriesQuery = strictObject({ ...pageQueryFields });
export type ListWebhookDeliveriesQuery = Infer<typeof listWebhookDeliveriesQuery>;

export const subscriptionIdParams = strictObject({ subscriptionId: ulid });
