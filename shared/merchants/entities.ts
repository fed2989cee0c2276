import { defineEntity } from '../db/entity';
import { timerKey } from '../timers/keys';
import type { DepositEntry, Merchant } from './views';

/*
 * A merchant owns a partition: the merchant item (with the deposit balance, the sum of its
 * ledger) and its append-only ledger entries, so a ledger reads in one Query and each entry
 * lands in one transaction with the balance it moves.
 */
export const merchantEntity = /* @__PURE__ */ defineEntity<Merchant>({
  tag: 'merchant',
  about: 'a merchant (商户) of a store with its deposit balance; listed per store, and per store and status',
  key: { pk: 'T#{tenantId}#MERCHANT#{id}', sk: 'MERCHANT' },
  views: {
    byStoreStatus: { pk: 'T#{tenantId}#STORE#{storeId}#MERCHANTS#{status}', sk: '{id}' },
    byStore: { pk: 'T#{tenantId}#STORE#{storeId}#MERCHANTS', sk: '{id}' },
  },
});

export const depositEntryEntity = /* @__PURE__ */ defineEntity<DepositEntry>({
  tag: 'deposit_entry',
  about: 'append-only deposit ledger line (保证金台账); same transaction as the balance it moves',
  key: { pk: 'T#{tenantId}#MERCHANT#{merchantId}', sk: 'ENTRY#{id}' },
});

/** Who took a reference: a second entry with it cannot be booked. */
export interface DepositReference {
  readonly merchantId: string;
  /** `M#<voucher>` for entries booked by hand, `C#<claim id>` for a claim's recovery. */
  readonly ref: string;
  readonly entryId: string;
}

export const depositReferenceEntity = /* @__PURE__ */ defineEntity<DepositReference>({
  tag: 'deposit_reference',
  about: 'one per ledger reference (voucher or claim), written with its entry: a retry never books twice',
  key: { pk: 'T#{tenantId}#MERCHANT#{merchantId}', sk: 'REF#{ref}' },
});

/** The merchant's one timer: the end of its exit notice, then the end of the deposit hold. */
export const merchantTimerKey = (tenantId: string, merchantId: string) =>
  timerKey(tenantId, merchantId, 'exit');
