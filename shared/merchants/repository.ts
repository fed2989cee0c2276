import { tableName } from '../db/client';
import type { Page } from '../db/cursor';
import { atVersion, getEntity, isNew, putEntity } from '../db/items';
import { queryEntities } from '../db/query';
import {
  ConditionFailed,
  type CreateRemembered,
  type TransactionItem,
  writeTransaction,
} from '../db/transactions';
import { versionConflict } from '../errors';
import { dropTimerWrite, scheduleTimerWrite } from '../timers/repository';
import { depositEntryEntity, depositReferenceEntity, merchantEntity, merchantTimerKey } from './entities';
import type { DepositEntry, Merchant } from './views';

/** When the merchant's timer is due, and for which step: the end of the notice, then of the hold. */
function timerStep(merchant: Merchant): { stage: string; dueAt: string } | undefined {
  if (merchant.status === 'exiting' && merchant.exitAt) {
    return { stage: `exit@${merchant.exitAt}`, dueAt: merchant.exitAt };
  }
  if (merchant.status === 'exited' && merchant.holdUntil && !merchant.holdEndedAt) {
    return { stage: `hold@${merchant.holdUntil}`, dueAt: merchant.holdUntil };
  }
  return undefined;
}

/**
 * The writes that store a merchant change: the item (conditioned on the version read, or new)
 * and its timer, (re)scheduled or dropped when the step it waits for changed. `firedGeneration`
 * is set by the timer's own consumer.
 */
export function merchantWrites(
  tenantId: string,
  merchant: Merchant,
  before?: Merchant,
  firedGeneration?: number,
): TransactionItem[] {
  const key = merchantTimerKey(tenantId, merchant.id);
  const step = timerStep(merchant);
  const previous = before ? timerStep(before) : undefined;
  const timerWrites: TransactionItem[] =
    step?.stage === previous?.stage && firedGeneration === undefined
      ? []
      : step
        ? [
            scheduleTimerWrite(
              {
                ...key,
                tenantId,
                kind: 'merchant',
                queue: 'escalation',
                subjectId: merchant.id,
                stage: step.stage,
                dueAt: step.dueAt,
                generation: merchant.version,
              },
              firedGeneration,
            ),
          ]
        : previous || firedGeneration !== undefined
          ? [dropTimerWrite(key, firedGeneration)]
          : [];
  return [
    putEntity(merchantEntity, tenantId, merchant, before ? atVersion(before.version) : isNew),
    ...timerWrites,
  ];
}

/** Saves merchant changes (and whatever rides along); a stale version is the one version conflict. */
export async function saveMerchant(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  try {
    await writeTransaction(tenantId, items, remembered);
  } catch (error) {
    if (error instanceof ConditionFailed && error.index === 0) throw versionConflict('merchant');
    throw error;
  }
}

export async function findMerchant(tenantId: string, merchantId: string): Promise<Merchant | undefined> {
  return getEntity(merchantEntity, { tenantId, id: merchantId });
}

export async function listMerchantsInView(
  view: ReturnType<typeof merchantEntity.view>,
  page: { limit: number; cursor?: string | undefined; list: string; filters: Record<string, unknown> },
): Promise<Page<Merchant>> {
  return queryEntities<Merchant>({ ...view, ...page });
}

export async function listLedger(
  tenantId: string,
  merchantId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<DepositEntry>> {
  return queryEntities<DepositEntry>({
    ...depositEntryEntity.view(undefined, { tenantId, merchantId }),
    ...page,
    list: 'deposit-entries',
  });
}

export async function findDepositReference(tenantId: string, merchantId: string, ref: string) {
  return getEntity(depositReferenceEntity, { tenantId, merchantId, ref });
}

export async function findDepositEntry(tenantId: string, merchantId: string, entryId: string) {
  return getEntity(depositEntryEntity, { tenantId, merchantId, id: entryId });
}

/**
 * What a ledger move requires of the merchant, checked by DynamoDB in the move's own
 * transaction (never by a read before it), so concurrent moves cannot together break it:
 * `credit` money in (not once the merchant has exited); `debit` money out, never below zero;
 * `refund` money back to the merchant: never below zero, with no open claim, and not from the
 * exit notice until the end of the hold.
 */
export type LedgerRule = 'credit' | 'debit' | 'refund' | 'none';

export interface LedgerMove {
  readonly merchantId: string;
  /** The entry to book, with its reference (`M#voucher` or `C#claim`); none when no money moves. */
  readonly entry?: { readonly fields: DepositEntry; readonly ref: string };
  readonly rule: LedgerRule;
  /** Changes to the open-claim count and the receivable, fen. */
  readonly openClaims?: number;
  readonly receivable?: number;
  readonly now: Date;
}

/** Where in `ledgerMoveWrites`' items the reference and the merchant are. */
export interface LedgerItems {
  readonly items: TransactionItem[];
  readonly referenceIndex: number | undefined;
  readonly merchantIndex: number;
}

/**
 * One ledger move as transaction items: the reference (first, so a retry is recognised before
 * anything else is judged), the merchant's balance and counters (atomic ADD under the rule's
 * condition, version bumped so a stale merchant write cannot overwrite the balance), the entry.
 */
export function ledgerMoveWrites(tenantId: string, move: LedgerMove): LedgerItems {
  const { entry } = move;
  const amount = entry?.fields.amount ?? 0;
  const adds: string[] = ['version :one'];
  const values: Record<string, unknown> = { ':one': 1, ':at': move.now.toISOString() };
  if (entry) {
    adds.push('depositBalance :delta');
    values[':delta'] = entry.fields.delta;
  }
  if (move.openClaims) {
    adds.push('openClaims :claims');
    values[':claims'] = move.openClaims;
  }
  if (move.receivable) {
    adds.push('receivable :receivable');
    values[':receivable'] = move.receivable;
  }
  const conditions = ['attribute_exists(pk)'];
  const names: Record<string, string> = {};
  if (move.rule === 'credit') {
    conditions.push('#status <> :exited');
    names['#status'] = 'status';
    values[':exited'] = 'exited';
  } else if (move.rule === 'debit' || move.rule === 'refund') {
    conditions.push('depositBalance >= :amount');
    values[':amount'] = amount;
  }
  if (move.rule === 'refund') {
    conditions.push(
      'openClaims = :zero',
      '(#status IN (:admitted, :active) OR (#status = :exited AND holdUntil <= :now))',
    );
    names['#status'] = 'status';
    Object.assign(values, {
      ':zero': 0,
      ':admitted': 'admitted',
      ':active': 'active',
      ':exited': 'exited',
      ':now': move.now.toISOString(),
    });
  }
  const merchantUpdate: TransactionItem = {
    Update: {
      TableName: tableName,
      Key: merchantEntity.key({ tenantId, id: move.merchantId }),
      UpdateExpression: `SET updatedAt = :at ADD ${adds.join(', ')}`,
      ConditionExpression: conditions.join(' AND '),
      ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    },
  };
  if (!entry) return { items: [merchantUpdate], referenceIndex: undefined, merchantIndex: 0 };
  return {
    items: [
      putEntity(
        depositReferenceEntity,
        tenantId,
        { merchantId: move.merchantId, ref: entry.ref, entryId: entry.fields.id },
        isNew,
      ),
      merchantUpdate,
      putEntity(depositEntryEntity, tenantId, entry.fields, isNew),
    ],
    referenceIndex: 0,
    merchantIndex: 1,
  };
}
