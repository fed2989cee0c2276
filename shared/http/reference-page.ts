/**
 * The reference page (/docs): Scalar's standalone bundle rendering the API's own /v1/openapi.json,
 * served by the API itself (functions/http/get-reference-page*.ts), in AWS and locally alike.
 * Nothing is fetched from the internet: default fonts and telemetry are off.
 */

export const referencePageScriptPath = '/docs/scalar.js';

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

export const referencePageHtml = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Service desk API (服务台) reference</title>
  </head>
  <body>
    <div id="app"></div>
    <script src="${referencePageScriptPath}"></script>
    <script>Scalar.createApiReference('#app', ${JSON.stringify(configuration)});</script>
  </body>
</html>
`;
