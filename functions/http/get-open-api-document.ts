import document from '../../docs/openapi.json' with { type: 'json' };
import { publicRoute } from '../../shared/http/handler';
import * as routes from '../../shared/http/routes';

// The committed document (npm run docs:openapi), bundled into this function: no file or network read.
export const handler = publicRoute(routes.getOpenApiDocument, async () => ({
  status: 200,
  body: document,
  headers: { 'cache-control': 'public, max-age=300' },
}));
