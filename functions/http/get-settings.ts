import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { getSettings } from '../../shared/settings/operations/get-settings';

export const handler = authenticatedRoute(httpRoutes.getSettings, {}, async ({ principal }) => ({
  status: 200,
  body: await getSettings(principal),
}));
