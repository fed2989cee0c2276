import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { serviceDeskTable } from '../../shared/db/table';

/**
 * DynamoDB's published sizing rules ("DynamoDB item sizes and formats", Developer Guide), used
 * where DynamoDB Local's ConsumedCapacity cannot be trusted: TransactWriteItems. Pure.
 *
 * - String: UTF-8 bytes. Number: 1 byte per two significant digits + 1. Binary: raw bytes.
 * - Null / Boolean: 1 byte. List / Map: 3 bytes + each element's size + 1 byte per element.
 * - Every attribute also counts the UTF-8 bytes of its name.
 * - Writes: 1 unit per started KB (1,024 bytes) of the larger of the old and new item;
 *   transactional writes cost 2 units per started KB (prepare + commit). A ConditionCheck is
 *   charged like a write of the item it read.
 * - GSI: a write to the table that adds, changes or removes an index entry writes the index
 *   too (ALL projection: the entry is the whole item); a changed index key is a delete + put.
 *   Inside a transaction the index write costs what it costs outside one: the 2× applies to the
 *   table only. (The DynamoDB guide does not say; this is what the dynoxide emulator's authors
 *   measured against DynamoDB — github.com/nubo-db/dynoxide/pull/188. DynamoDB Local doubles
 *   index writes too; `indexFactor: 2` reproduces that for the cross-check.)
 */
export type Item = Readonly<Record<string, AttributeValue>>;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function numberSize(text: string): number {
  const digits = text
    .replace(/^[-+]/, '')
    .replace(/e.*$/i, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

export function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.length, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, element) => sum + 1 + valueSize(element), 0);
  if (value.M !== undefined) {
    return (
      3 +
      Object.entries(value.M).reduce((sum, [name, element]) => sum + 1 + utf8(name) + valueSize(element), 0)
    );
  }
  throw new Error(`item size: unknown attribute value ${JSON.stringify(value)}`);
}

export function itemSize(item: Item | undefined): number {
  if (!item) return 0;
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

const kb = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));

export interface UnitsByPart {
  readonly table: number;
  readonly indexes: Readonly<Record<string, number>>;
}

export const totalUnits = (units: UnitsByPart) =>
  units.table + Object.values(units.indexes).reduce((sum, n) => sum + n, 0);

type IndexKeys = { readonly partitionKey: { name: string }; readonly sortKey: { name: string } };

const indexKeyOf = (item: Item | undefined, index: IndexKeys) => {
  const pk = item?.[index.partitionKey.name];
  const sk = item?.[index.sortKey.name];
  return pk && sk ? JSON.stringify([pk, sk]) : undefined;
};

/**
 * Units of one write action on one item, from the item before and after it (either may be
 * absent). `action` `check` is a transaction ConditionCheck: it writes nothing but is charged
 * like a write of the checked item.
 */
export function writeUnits(
  before: Item | undefined,
  after: Item | undefined,
  options: {
    transactional: boolean;
    action: 'put' | 'update' | 'delete' | 'check';
    /** Multiplier for index writes; 1 as DynamoDB bills them, 2 as DynamoDB Local reports transactions. */
    indexFactor?: number;
    indexes?: readonly (IndexKeys & { indexName: string })[];
  },
): UnitsByPart {
  const factor = options.transactional ? 2 : 1;
  const beforeSize = itemSize(before);
  const afterSize = itemSize(after);
  const table = factor * kb(Math.max(beforeSize, afterSize));
  const indexes: Record<string, number> = {};
  if (options.action === 'check') return { table, indexes };
  const changed = JSON.stringify(before ?? null) !== JSON.stringify(after ?? null);
  for (const index of options.indexes ?? serviceDeskTable.globalSecondaryIndexes) {
    const oldKey = indexKeyOf(before, index);
    const newKey = indexKeyOf(after, index);
    let units = 0;
    if (oldKey && newKey && oldKey !== newKey) units = kb(beforeSize) + kb(afterSize);
    else if (oldKey && newKey) units = changed ? kb(Math.max(beforeSize, afterSize)) : 0;
    else if (newKey) units = kb(afterSize);
    else if (oldKey) units = kb(beforeSize);
    if (units > 0) indexes[index.indexName] = (options.indexFactor ?? 1) * units;
  }
  return { table, indexes };
}
