import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { getSettings } from '../../shared/settings/operations/get-settings';

export const handler = authenticatedRoute(routes.getSettings, {}, async ({ principal }) => ({
  status: 200,
  body: await getSettings(principal),
}));
