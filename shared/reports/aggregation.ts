import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { documentClient, tableName } from '../db/client';
import { TransactWriteCommand } from '../db/document';
import { isNew, putEntity, type TransactionItem } from '../db/items';
import { getItems } from '../db/query';
import { type Contribution, contributionsOf, type DayKey, type Fact, type FactKey } from './contributions';
import { addCounters, type Counters } from './counters';
import { countedEntity, counterAttribute, staffDayEntity, storeDayEntity } from './entities';

/*
 * Exactly once, under redelivery, retries, duplicates and any order: each fact is counted in a
 * transaction that also puts its marker (`report_counted`, keyed by the source item and line)
 * on the condition that the marker does not exist yet. A fact seen again finds its marker and
 * adds nothing; counters are ADDs, so order does not matter.
 *
 * Cost. Facts are grouped: one transaction carries up to `factsPerTransaction` markers and ONE
 * update per day item they touch (their counters summed). Transactional writes cost 2 WCU per
 * 1 KB of each item: a marker ~2 WCU; a store-day item (~1–3 KB once it has 40–80 counters)
 * 2–6 WCU, a staff-day item ~2 WCU. One transaction per fact would pay the day items for every
 * fact (~8–10 WCU per fact); grouped, a batch of 25 facts of one store-day pays ~25×2 + 6 + the
 * staff days, about 2.5–3 WCU per fact. Markers already present are filtered first with a
 * BatchGetItem (eventually consistent: 0.5 RCU per marker, cheaper than a cancelled
 * transaction, which still consumes the write units of its items); a marker the read missed
 * (just written by a crashed run, or by a concurrent one) cancels the transaction, and the facts
 * whose condition failed are dropped before trying the rest again. The condition is the guarantee;
 * the read only saves write units.
 */

/** Markers + day items must stay within TransactWriteItems' 100 items: 30 facts touch at most 60 days. */
export const factsPerTransaction = 30;
const conflictRetries = 8;

export const markerKey = (key: FactKey) =>
  countedEntity.key({ tenantId: key.tenantId, source: key.source, part: key.part });
const markerId = (key: FactKey) => `${key.tenantId}|${key.source}|${key.part}`;

const dayItemKey = (tenantId: string, day: DayKey) =>
  day.userId === undefined
    ? storeDayEntity.key({ tenantId, storeId: day.storeId, day: day.day })
    : staffDayEntity.key({ tenantId, storeId: day.storeId, day: day.day, userId: day.userId });
const dayId = (tenantId: string, day: DayKey) => `${tenantId}|${day.storeId}|${day.day}|${day.userId ?? ''}`;

/** The day items' updates for a set of contributions: one ADD per counter, one update per item. */
export function dayUpdates(tenantId: string, contributions: readonly Contribution[]): TransactionItem[] {
  const days = new Map<string, { day: DayKey; counters: Counters }>();
  for (const contribution of contributions) {
    const id = dayId(tenantId, contribution.day);
    const entry = days.get(id) ?? { day: contribution.day, counters: {} };
    addCounters(entry.counters, contribution.counters);
    days.set(id, entry);
  }
  return [...days.values()].map(({ day, counters }) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {
      ':entity': day.userId === undefined ? storeDayEntity.tag : staffDayEntity.tag,
      ':store': day.storeId,
      ':day': day.day,
      ...(day.userId === undefined ? {} : { ':user': day.userId }),
    };
    const adds = Object.entries(counters).map(([name, amount], index) => {
      names[`#c${index}`] = counterAttribute(name);
      values[`:c${index}`] = amount;
      return `#c${index} :c${index}`;
    });
    return {
      Update: {
        TableName: tableName,
        Key: dayItemKey(tenantId, day),
        UpdateExpression: `SET entity = :entity, storeId = :store, #day = :day${
          day.userId === undefined ? '' : ', userId = :user'
        } ADD ${adds.join(', ')}`,
        ExpressionAttributeNames: { ...names, '#day': 'day' },
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** Facts whose marker is not there yet, each once. */
async function uncounted(facts: readonly Fact[]): Promise<Fact[]> {
  const distinct = new Map<string, Fact>();
  for (const fact of facts) if (!distinct.has(markerId(fact.key))) distinct.set(markerId(fact.key), fact);
  const candidates = [...distinct.values()];
  const counted = new Set<string>();
  for (let start = 0; start < candidates.length; start += 100) {
    const keys = candidates.slice(start, start + 100).map((fact) => markerKey(fact.key));
    for (const item of await getItems(keys)) counted.add(`${item.pk}|${item.sk}`);
  }
  return candidates.filter((fact) => {
    const key = markerKey(fact.key);
    return !counted.has(`${key.pk}|${key.sk}`);
  });
}

/** One group of facts (of one tenant): markers and summed counters in one transaction. */
async function countGroup(tenantId: string, group: readonly Fact[], now: Date): Promise<number> {
  let pending = [...group];
  for (let attempt = 1; pending.length > 0; attempt++) {
    const withEffect = pending.map((fact) => ({ fact, contributions: contributionsOf(fact) }));
    const markers = withEffect.map(({ fact }) =>
      putEntity(
        countedEntity,
        tenantId,
        { source: fact.key.source, part: fact.key.part, countedAt: now.toISOString() },
        isNew,
      ),
    );
    const updates = dayUpdates(
      tenantId,
      withEffect.flatMap(({ contributions }) => contributions),
    );
    try {
      await documentClient.send(new TransactWriteCommand({ TransactItems: [...markers, ...updates] }));
      return pending.length;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const taken = new Set(
        reasons.flatMap((reason, index) =>
          reason.Code === 'ConditionalCheckFailed' && index < markers.length ? [index] : [],
        ),
      );
      if (taken.size > 0) {
        // Counted meanwhile by another run: those facts are done; the others go again.
        pending = pending.filter((_, index) => !taken.has(index));
        continue;
      }
      if (!reasons.some((reason) => reason.Code === 'TransactionConflict') || attempt > conflictRetries)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(500, 20 * 2 ** attempt)));
    }
  }
  return 0;
}

/** Counting stopped part-way: the facts before `remaining` are counted, these are not. */
export class CountingStopped extends Error {
  constructor(
    readonly remaining: readonly Fact[],
    override readonly cause: unknown,
  ) {
    super(`counting stopped with ${remaining.length} facts left`);
  }
}

/**
 * Counts facts exactly once, in their order, group by group; returns how many were new. A
 * failure leaves the groups before it counted and throws `CountingStopped` with the facts not
 * done, so the caller can report the first record to deliver again (a rerun skips the rest).
 */
export async function countFacts(facts: readonly Fact[], now: Date): Promise<number> {
  // Facts that add nothing (an assignment, a revisit scheduled) need no marker either.
  const todo = await uncounted(facts.filter((fact) => contributionsOf(fact).length > 0));
  let counted = 0;
  for (let start = 0; start < todo.length; ) {
    const tenantId = (todo[start] as Fact).key.tenantId;
    let end = start;
    while (
      end < todo.length &&
      end - start < factsPerTransaction &&
      (todo[end] as Fact).key.tenantId === tenantId
    ) {
      end++;
    }
    try {
      counted += await countGroup(tenantId, todo.slice(start, end), now);
    } catch (error) {
      throw new CountingStopped(todo.slice(start), error);
    }
    start = end;
  }
  return counted;
}
