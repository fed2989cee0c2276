import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataModelDoc, declaredEntities, renderDocument, repoRoot } from '../../scripts/data-model';

const sourceFiles = (folder: string): string[] =>
  readdirSync(join(repoRoot, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

describe('docs/data-model.md', () => {
  it('shows exactly the entities and index keys the code declares (npm run docs:data-model)', async () => {
    const current = readFileSync(dataModelDoc, 'utf8');
    expect(current, 'stale: run npm run docs:data-model').toBe(await renderDocument(current));
  });

  it('has a declaration for every item kind the code writes', async () => {
    const declared = new Set((await declaredEntities()).map(({ entity }) => entity.tag));
    const written = new Set<string>();
    for (const file of sourceFiles('shared')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bentity: '([a-z_]+)'/g)) {
        written.add(match[1] as string);
      }
    }
    expect([...written].filter((tag) => !declared.has(tag))).toEqual([]);
  });

  it('declares each entity tag once', async () => {
    const tags = (await declaredEntities()).map(({ entity }) => entity.tag);
    expect(new Set(tags).size).toBe(tags.length);
  });
});
