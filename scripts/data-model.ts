/**
 * Writes the generated tables of docs/data-model.md from the entity declarations and the table
 * definition: `npm run docs:data-model`. test/unit/data-model.test.ts fails when the file is stale.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Entity, KeyTemplate } from '../shared/db/entity';
import { serviceDeskTable } from '../shared/db/table';

export const repoRoot = resolve(import.meta.dirname, '..');
export const dataModelDoc = join(repoRoot, 'docs/data-model.md');
const begin = '<!-- generated from the entity declarations: npm run docs:data-model -->';
const end = '<!-- end of generated tables -->';

/** Every `shared/<area>/entities.ts` module, so a new one is listed without anyone registering it. */
function entityModules(): string[] {
  const shared = join(repoRoot, 'shared');
  return readdirSync(shared, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(shared, entry.name, 'entities.ts'))
    .filter((file) => {
      try {
        return readFileSync(file).length > 0;
      } catch {
        return false;
      }
    })
    .sort();
}

const isEntity = (value: unknown): value is Entity<object> =>
  typeof value === 'object' && value !== null && 'declaration' in value && 'tag' in value;

export async function declaredEntities(): Promise<
  { module: string; name: string; entity: Entity<object> }[]
> {
  const found: { module: string; name: string; entity: Entity<object> }[] = [];
  for (const file of entityModules()) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (isEntity(value)) found.push({ module: relative(repoRoot, file), name, entity: value });
    }
  }
  // Export order differs between loaders, and localeCompare between locales; the document must not.
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return found.sort((a, b) => order(a.module, b.module) || order(a.entity.tag, b.entity.tag));
}

const code = (text: string) => `\`${text.replaceAll('|', '\\|')}\``;
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const viewOf = (entity: Entity<object>, indexName: string): KeyTemplate | undefined =>
  (entity.declaration.views as Readonly<Record<string, KeyTemplate | undefined>> | undefined)?.[indexName];
const keyCells = (template: KeyTemplate) => `${code(template.pk)} | ${code(template.sk)}`;

export async function renderTables(): Promise<string> {
  const entities = await declaredEntities();
  const lines = [
    begin,
    '',
    '| entity | declared in | pk | sk | about |',
    '| --- | --- | --- | --- | --- |',
    ...entities.map(
      ({ module, name, entity }) =>
        `| \`${entity.tag}\` | [${name}](../${module}) | ${keyCells(entity.declaration.key)} | ${cell(entity.declaration.about)} |`,
    ),
    '',
    '| index | pk attribute | sk attribute | entity | pk | sk |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const index of serviceDeskTable.globalSecondaryIndexes) {
    const users = entities.flatMap(({ entity }) => {
      const template = viewOf(entity, index.indexName);
      return template ? [{ entity, template }] : [];
    });
    const head = `| **${index.indexName}** | \`${index.partitionKey.name}\` | \`${index.sortKey.name}\``;
    if (users.length === 0) lines.push(`${head} | (none) | | |`);
    for (const { entity, template } of users) {
      lines.push(`${head} | \`${entity.tag}\` | ${keyCells(template)} |`);
    }
  }
  const derived = entities.flatMap(({ entity }) =>
    Object.entries(entity.declaration.derivedFields ?? {}).map(
      ([field, meaning]) => `- \`{${field}}\` in \`${entity.tag}\` keys: ${meaning}`,
    ),
  );
  if (derived.length > 0) lines.push('', 'Key-only fields:', '', ...derived);
  lines.push('', end);
  return lines.join('\n');
}

/** Formats the document as `npm run lint` would have it, so the generated file passes the linter. */
function formatted(document: string): string {
  const biome = spawnSync(
    join(repoRoot, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${relative(repoRoot, dataModelDoc)}`],
    { cwd: repoRoot, input: document, encoding: 'utf8' },
  );
  if (biome.status !== 0) throw new Error(`biome format failed: ${biome.stderr}`);
  return biome.stdout;
}

/** The document with its generated part replaced. */
export async function renderDocument(current: string): Promise<string> {
  const from = current.indexOf(begin);
  const to = current.indexOf(end);
  if (from < 0 || to < from) throw new Error(`docs/data-model.md lacks the markers ${begin} … ${end}`);
  return formatted(current.slice(0, from) + (await renderTables()) + current.slice(to + end.length));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const current = readFileSync(dataModelDoc, 'utf8');
  writeFileSync(dataModelDoc, await renderDocument(current));
  console.log('docs/data-model.md: generated tables written');
}
