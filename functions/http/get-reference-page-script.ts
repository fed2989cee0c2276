import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { publicRoute } from '../../shared/http/handler';
import * as routes from '../../shared/http/routes';

/**
 * Scalar's standalone script (4.8 MB), always gzip-compressed (1.4 MB): uncompressed and base64-encoded
 * it would not fit a Lambda response (6 MB), and every browser accepts gzip. In AWS the bundling step
 * puts `scalar.js.gz` beside this function's code (infra/stack.ts); the local runtime, running from
 * source, compresses the installed package's file once instead.
 */
const besideBundle = join(dirname(fileURLToPath(import.meta.url)), 'scalar.js.gz');

let compressed: Buffer | undefined;
function scalarScript(): Buffer {
  if (compressed) return compressed;
  if (existsSync(besideBundle)) {
    compressed = readFileSync(besideBundle);
  } else {
    // The package's `browser` field names this file; its exports map does not, so it is found beside the entry.
    const entry = createRequire(import.meta.url).resolve('@scalar/api-reference');
    compressed = gzipSync(readFileSync(join(dirname(entry), 'browser/standalone.js')));
  }
  return compressed;
}

export const handler = publicRoute(routes.getReferencePageScript, async () => ({
  status: 200,
  headers: { 'content-encoding': 'gzip', 'cache-control': 'public, max-age=3600' },
  content: { type: 'text/javascript; charset=utf-8', bytes: scalarScript() },
}));
