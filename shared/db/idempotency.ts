import { conflict, ruleRefused } from '../errors';
import { tableName } from './client';
import { defineEntity } from './entity';
import { getStoredItem } from './items';

/**
 * Idempotency-Key support for creating POSTs. The record is written in the SAME transaction as
 * the object it creates (item 0), so "created" and "remembered" cannot come apart, and two
 * concurrent retries cannot both create: the loser's transaction fails on the record and it
 * replays the winner's response. Keys are scoped by tenant and route; records live 24 h.
 * (Powertools idempotency keeps its record in a separate write and keys it by function name,
 * which would put every tenant in one key space; this keeps the table's tenant-first rule.)
 */
export interface IdempotencyClaim {
  readonly scope: string;
  readonly key: string;
  /** Hash of what was asked, so the same key with a different request is refused, not replayed. */
  readonly fingerprint: string;
}

/** What a create answered: the object it created. The route supplies the HTTP status (201). */
export interface RememberedResponse {
  readonly body: unknown;
}

const lifetimeSeconds = 24 * 60 * 60;

/** What is remembered of a create; `expiresAt` is the table's TTL attribute. */
interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly body: unknown;
  readonly expiresAt: number;
}

export const idempotencyRecordEntity = /* @__PURE__ */ defineEntity<IdempotencyRecord>({
  tag: 'idempotency_record',
  about: 'The first response to a create sent with an Idempotency-Key, per tenant and route; lives 24 h.',
  key: { pk: 'T#{tenantId}#IDEMPOTENCY#{scope}#{key}', sk: 'RESPONSE' },
});

const recordKey = (tenantId: string, claim: IdempotencyClaim) =>
  idempotencyRecordEntity.key({ tenantId, scope: claim.scope, key: claim.key });

/** Thrown by a repository when its transaction lost the race for the idempotency record. */
export class IdempotencyRaceLost extends Error {
  constructor() {
    super('another request with the same Idempotency-Key completed first');
  }
}

/** The first response for this key, if one is remembered and still fresh. */
export async function rememberedResponse(
  tenantId: string,
  claim: IdempotencyClaim,
  now: Date,
): Promise<RememberedResponse | undefined> {
  // As stored: the expiry is a storage attribute that getEntity would strip.
  const record = await getStoredItem(idempotencyRecordEntity, {
    tenantId,
    scope: claim.scope,
    key: claim.key,
  });
  if (!record || (record.expiresAt as number) <= Math.floor(now.getTime() / 1000)) return undefined;
  if (record.fingerprint !== claim.fingerprint) {
    throw ruleRefused(
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request.',
    );
  }
  return { body: record.body };
}

/** The transaction item that remembers a create; put it first in the transaction. */
export function rememberResponseWrite(
  tenantId: string,
  claim: IdempotencyClaim,
  response: RememberedResponse,
  now: Date,
) {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const record: IdempotencyRecord = {
    fingerprint: claim.fingerprint,
    body: response.body,
    expiresAt: nowSeconds + lifetimeSeconds,
  };
  return {
    Put: {
      TableName: tableName,
      // Built from the key alone, not `entity.item`: scope and key are in the partition already, and
      // storing them again would grow every remembered create.
      Item: { ...recordKey(tenantId, claim), entity: idempotencyRecordEntity.tag, ...record },
      // An expired record that TTL has not swept yet does not block a new use of the key.
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
      ExpressionAttributeValues: { ':now': nowSeconds },
    },
  };
}

/**
 * Runs a create at most once per claim: replays the remembered response if there is one, and
 * when a concurrent twin wins the race, returns the twin's response instead.
 */
export async function once(
  tenantId: string,
  claim: IdempotencyClaim,
  now: Date,
  create: () => Promise<RememberedResponse>,
): Promise<RememberedResponse & { replayed: boolean }> {
  const first = await rememberedResponse(tenantId, claim, now);
  if (first) return { ...first, replayed: true };
  try {
    return { ...(await create()), replayed: false };
  } catch (error) {
    if (!(error instanceof IdempotencyRaceLost)) throw error;
    const winner = await rememberedResponse(tenantId, claim, now);
    if (!winner) throw conflict('idempotency_in_progress', 'A request with this key is in progress.');
    return { ...winner, replayed: true };
  }
}
