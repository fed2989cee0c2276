import { publicRoute } from '../../shared/http/handler';
import { referencePageHtml } from '../../shared/http/reference-page';
import * as routes from '../../shared/http/routes';

export const handler = publicRoute(routes.getReferencePage, async () => ({
  status: 200,
  headers: { 'cache-control': 'public, max-age=300' },
  content: { type: 'text/html; charset=utf-8', text: referencePageHtml },
}));
