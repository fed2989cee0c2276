import { authenticatedRoute } from '../../shared/http/authenticated-route';
import * as routes from '../../shared/http/routes';
import { putSettings } from '../../shared/settings/operations/put-settings';
import { putSettingsInput } from '../../shared/settings/schema';

export const handler = authenticatedRoute(
  routes.putSettings,
  { body: putSettingsInput },
  async ({ principal, body, now }) => ({ status: 200, body: await putSettings(principal, body, now) }),
);
