import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The reference page (/docs): Scalar's standalone bundle from node_modules, served by the local
 * runtime itself, reading the API's own /v1/openapi.json. Nothing is fetched from the internet:
 * default fonts and telemetry are off.
 */

const require = createRequire(import.meta.url);
// The package's `browser` field names this file; its exports map does not, so it is found beside the entry.
const scalarBundlePath = join(dirname(require.resolve('@scalar/api-reference')), 'browser/standalone.js');

export const referencePagePaths = { page: '/docs', script: '/docs/scalar.js' } as const;

const configuration = {
  url: '/v1/openapi.json',
  withDefaultFonts: false,
  telemetry: false,
  defaultOpenAllTags: true,
  showOperationId: true,
  hideClientButton: false,
  persistAuth: false,
  // No hosted extras: they need Scalar's cloud, and this page works offline.
  showDeveloperTools: 'never',
  showToolbar: 'never',
  mcp: { disabled: true },
  agent: { disabled: true },
};

export function referencePageHtml(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Service desk API (服务台) reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="${referencePagePaths.script}"></script>
    <script>Scalar.createApiReference('#app', ${JSON.stringify(configuration)});</script>
  </body>
</html>
`;
}

let scalarBundle: Buffer | undefined;
/** Read once, on the first request for it (about 5 MB). */
export function referencePageScript(): Buffer {
  scalarBundle ??= readFileSync(scalarBundlePath);
  return scalarBundle;
}
