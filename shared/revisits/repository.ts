import type { Page } from '../db/cursor';
import { withoutKeys } from '../db/entity';
import { atVersion, getEntity, isNew, putEntity, putVersioned } from '../db/items';
import { type PageQuery, queryAll, queryEntities } from '../db/query';
import { type CreateRemembered, type TransactionItem, writeVersioned } from '../db/transactions';
import { dropTimerWrite, scheduleTimerWrite } from '../timers/repository';
import { revisitEntity, revisitRulesEntity, revisitTimerKey } from './entities';
import { defaultRevisitRules } from './planning';
import type { RevisitRules } from './schema';
import type { Revisit } from './views';

/**
 * The writes that store a revisit: the item with its views, and its timer: (re)scheduled while
 * the revisit waits for its day, dropped once it is due or closed. `before` makes it an update
 * conditioned on the version read; `firedGeneration` is set by the timer's own consumer.
 */
export function revisitWrites(
  tenantId: string,
  revisit: Revisit,
  before?: Revisit,
  firedGeneration?: number,
): TransactionItem[] {
  const timer = revisitTimerKey(tenantId, revisit.id);
  const waits = revisit.status === 'scheduled';
  const timerChanged = !before || before.status !== revisit.status || before.dueAt !== revisit.dueAt;
  const timerWrites: TransactionItem[] = !timerChanged
    ? []
    : waits
      ? [
          scheduleTimerWrite(
            {
              ...timer,
              tenantId,
              kind: 'revisit',
              queue: 'revisit',
              subjectId: revisit.id,
              stage: `due@${revisit.dueAt}`,
              dueAt: revisit.dueAt,
              generation: revisit.version,
            },
            firedGeneration,
          ),
        ]
      : before?.status === 'scheduled' || firedGeneration !== undefined
        ? [dropTimerWrite(timer, firedGeneration)]
        : [];
  return [
    putEntity(revisitEntity, tenantId, revisit, before ? atVersion(before.version) : isNew),
    ...timerWrites,
  ];
}

/** Saves revisit changes (and whatever rides along); a stale version is the one version conflict. */
export async function saveRevisits(
  tenantId: string,
  items: readonly TransactionItem[],
  remembered?: CreateRemembered,
): Promise<void> {
  await writeVersioned(tenantId, items, 'revisit', remembered);
}

export async function findRevisit(tenantId: string, revisitId: string): Promise<Revisit | undefined> {
  return getEntity(revisitEntity, { tenantId, id: revisitId });
}

/** A page of a store's work queue (one status) or of a customer's history. */
export async function listRevisitsInView(
  view: ReturnType<typeof revisitEntity.view>,
  page: Pick<PageQuery, 'limit' | 'cursor' | 'newestFirst' | 'list' | 'filters'>,
): Promise<Page<Revisit>> {
  return queryEntities<Revisit>({ ...view, ...page });
}

/** All of a customer's revisits (a handful per purchase), e.g. to cancel a returned purchase's. */
export async function allRevisitsOfCustomer(tenantId: string, customerId: string): Promise<Revisit[]> {
  const items = await queryAll(revisitEntity.view('byCustomer', { tenantId, customerId }), 2000);
  return items.map((item) => withoutKeys<Revisit>(item));
}

/** The tenant's rules, or the defaults while none were saved. */
export async function readRevisitRules(tenantId: string): Promise<RevisitRules> {
  return (await getEntity(revisitRulesEntity, { tenantId }, { consistent: false })) ?? defaultRevisitRules;
}

/** Saves the rules if nobody saved others since `readVersion` was read (0: none saved yet). */
export async function storeRevisitRules(
  tenantId: string,
  rules: RevisitRules,
  readVersion: number,
): Promise<void> {
  await putVersioned(revisitRulesEntity, tenantId, rules, readVersion, 'revisit rules');
}
