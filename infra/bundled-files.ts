import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import type { HttpRouteName } from '../shared/http/route-table';

const repoRoot = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/**
 * Files a function's bundle carries beside its code, as shell commands CDK runs after esbuild
 * (`commandHooks.afterBundling`; `inputDir` is the repository root, `outputDir` the asset).
 * The reference page's script is too large for the bundle itself: gzip-compressed beside it.
 */
export const bundledFiles: Partial<Record<HttpRouteName, (inputDir: string, outputDir: string) => string[]>> =
  {
    getReferencePageScript: (inputDir, outputDir) => {
      // The package's `browser` field names this file; its exports map does not, so it is found beside the entry.
      const script = join(dirname(require.resolve('@scalar/api-reference')), 'browser/standalone.js');
      return [
        `gzip -9 -c "${join(inputDir, relative(repoRoot, script))}" > "${join(outputDir, 'scalar.js.gz')}"`,
      ];
    },
  };
