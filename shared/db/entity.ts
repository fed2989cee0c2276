import { type IndexName, serviceDeskTable } from './table';

/**
 * Each kind of item is declared once: its tag, its key and the index keys that serve its access
 * patterns, as templates over its own fields (`T#{tenantId}#TICKET#{id}`). Everything else is
 * derived from the declaration: the stored item, its key, the partition and sort-key prefix a
 * Query needs, key stripping, and the entity tables of docs/data-model.md.
 *
 * A placeholder names a field of the item, `tenantId`, or a field the declaration derives for
 * its keys only (e.g. `openness`, OPEN or DONE from the status). An index key whose placeholders
 * are not all present is left out: the indexes are sparse.
 */
export interface KeyTemplate {
  readonly pk: string;
  readonly sk: string;
}

/** The indexes an entity can be listed by: every index but the sweeper's cross-tenant `due` one. */
export type ViewIndexName = Exclude<IndexName, 'due'>;

export interface EntityDeclaration<T> {
  /** Stored as `entity` on every item, so a raw item says what it is. */
  readonly tag: string;
  /** One line for docs/data-model.md: what the item is and why it is keyed so. */
  readonly about: string;
  readonly key: KeyTemplate;
  readonly views?: Partial<Record<ViewIndexName, KeyTemplate>>;
  /** Key-only fields computed from the item (never stored under their own name). */
  readonly derive?: (item: T) => Readonly<Record<string, string | undefined>>;
  /** Shown in the docs for derived fields, e.g. `{ openness: 'OPEN or DONE' }`. */
  readonly derivedFields?: Readonly<Record<string, string>>;
}

type Values = Readonly<Record<string, unknown>>;

const placeholder = /\{(\w+)\}/g;

/** Fills a template; undefined when a placeholder has no value (a sparse index key). */
export function fillTemplate(template: string, values: Values): string | undefined {
  let complete = true;
  const filled = template.replace(placeholder, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') {
      complete = false;
      return '';
    }
    return String(value);
  });
  return complete ? filled : undefined;
}

/** The template filled up to its first missing placeholder: the prefix a Query's sort key must have. */
export function templatePrefix(template: string, values: Values): string {
  let prefix = '';
  let last = 0;
  for (const match of template.matchAll(placeholder)) {
    prefix += template.slice(last, match.index);
    const value = values[match[1] as string];
    if (value === undefined || value === null || value === '') return prefix;
    prefix += String(value);
    last = (match.index ?? 0) + match[0].length;
  }
  return prefix + template.slice(last);
}

const indexAttributes = (indexName: IndexName) => {
  const index = serviceDeskTable.globalSecondaryIndexes.find((gsi) => gsi.indexName === indexName);
  if (!index) throw new Error(`No index ${indexName} in the table definition.`);
  return { pk: index.partitionKey.name, sk: index.sortKey.name };
};

/** Every attribute that is storage, not entity: table and index keys, the tag, the expiry. */
export const storageAttributes: ReadonlySet<string> = new Set([
  serviceDeskTable.partitionKey.name,
  serviceDeskTable.sortKey.name,
  ...serviceDeskTable.globalSecondaryIndexes.flatMap((gsi) => [gsi.partitionKey.name, gsi.sortKey.name]),
  'entity',
  serviceDeskTable.timeToLiveAttribute,
]);

/** Strips the storage attributes so only the entity's own fields leave the data layer. */
export function withoutKeys<T>(item: Readonly<Record<string, unknown>>): T {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !storageAttributes.has(name))) as T;
}

export interface Entity<T> {
  readonly tag: string;
  /** What was declared, for the data-model doc. */
  readonly declaration: EntityDeclaration<T>;
  /** The item's table key. */
  key(values: Values): { pk: string; sk: string };
  /** The item as stored: table key, every index key it qualifies for, the tag, its fields. */
  item(tenantId: string, fields: T): Record<string, unknown>;
  /** What a Query of one of the entity's views (or of its table partition) needs. */
  view(
    indexName: ViewIndexName | undefined,
    values: Values,
  ): { indexName?: ViewIndexName; partitionValue: string; sortKeyPrefix?: string };
}

/**
 * An entity from its declaration. Pure (no registry): every declaration marks its call with a
 * `@__PURE__` comment, so a Lambda bundle keeps only the entities it uses.
 */
export function defineEntity<T extends object>(declaration: EntityDeclaration<T>): Entity<T> {
  const keyOf = (template: KeyTemplate, values: Values, what: string) => {
    const pk = fillTemplate(template.pk, values);
    const sk = fillTemplate(template.sk, values);
    if (pk === undefined || sk === undefined) {
      throw new Error(`${declaration.tag}: ${what} needs every field of ${template.pk} / ${template.sk}`);
    }
    return { pk, sk };
  };
  return {
    tag: declaration.tag,
    declaration,
    key: (values) => keyOf(declaration.key, values, 'the key'),
    item(tenantId, fields) {
      const values = { ...fields, ...declaration.derive?.(fields), tenantId };
      const views: Record<string, string> = {};
      for (const [indexName, template] of Object.entries(declaration.views ?? {}) as [
        ViewIndexName,
        KeyTemplate,
      ][]) {
        const pk = fillTemplate(template.pk, values);
        const sk = fillTemplate(template.sk, values);
        if (pk === undefined || sk === undefined) continue;
        const names = indexAttributes(indexName);
        views[names.pk] = pk;
        views[names.sk] = sk;
      }
      return { ...keyOf(declaration.key, values, 'the key'), ...views, entity: declaration.tag, ...fields };
    },
    view(indexName, values) {
      const template = indexName ? declaration.views?.[indexName] : declaration.key;
      if (!template) throw new Error(`${declaration.tag} has no view on ${indexName}`);
      const partitionValue = fillTemplate(template.pk, values);
      if (partitionValue === undefined) throw new Error(`${declaration.tag}: the view needs ${template.pk}`);
      const sortKeyPrefix = templatePrefix(template.sk, values);
      return {
        ...(indexName ? { indexName } : {}),
        partitionValue,
        ...(sortKeyPrefix ? { sortKeyPrefix } : {}),
      };
    },
  };
}
