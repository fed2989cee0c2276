import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { HttpRouteName } from '../shared/http/route-table';

const repoRoot = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The routes that run the eligibility engine (shared/after-sales/deciding.ts). */
const decidingRoutes: readonly HttpRouteName[] = ['checkReturnEligibility', 'createReturn'];

/** The routes that write repair notes and charge bases (shared/repairs/texts.ts). */
const repairDeskRoutes: readonly HttpRouteName[] = ['createRepair', 'recordRepairStep'];

/** Copies a file of the repository into the asset, beside the bundle's index.mjs. */
const copy = (inputDir: string, outputDir: string, file: string, as = file.split('/').at(-1) ?? file) =>
  `cp "${join(inputDir, file)}" "${join(outputDir, as)}"`;

/**
 * Files an HTTP function's bundle carries beside its code, as shell commands CDK runs after esbuild
 * (`commandHooks.afterBundling`; `inputDir` is the repository root, `outputDir` the asset). The
 * bundle kit (test/kit/bundles.ts) runs the same commands, so tests and the bench see what Lambda runs.
 *
 * - Every HTTP function: the Chinese problem texts (shared/http/problem-zh.ts reads them when asked).
 * - The functions that run the eligibility engine: its rules' bases and sentences
 *   (shared/after-sales/rule-texts.ts reads them on the first decision).
 * - The routes that record repair stages: the repair desk's notes and sentences
 *   (shared/repairs/texts.ts reads them on the first note).
 * - The reference page's script: Scalar's bundle, too large for the code itself, gzip-compressed.
 */
export function filesBesideCode(route: HttpRouteName, inputDir: string, outputDir: string): string[] {
  const commands = [copy(inputDir, outputDir, 'shared/http/problem-zh.json')];
  if (decidingRoutes.includes(route)) {
    commands.push(copy(inputDir, outputDir, 'shared/after-sales/rule-texts.json'));
  }
  if (repairDeskRoutes.includes(route)) {
    commands.push(copy(inputDir, outputDir, 'shared/repairs/repair-texts.json'));
  }
  if (route === 'getReferencePageScript') {
    // The package's `browser` field names this file; its exports map does not, so it is found beside the entry.
    const script = join(dirname(require.resolve('@scalar/api-reference')), 'browser/standalone.js');
    commands.push(
      `gzip -9 -c "${join(inputDir, relative(repoRoot, script))}" > "${join(outputDir, 'scalar.js.gz')}"`,
    );
  }
  return commands;
}
