import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { saveTenantSettings, tenantSettingsInput } from '../../shared/settings/tenant-settings';

export const handler = authenticatedRoute(
  httpRoutes.putSettings,
  { body: tenantSettingsInput },
  async ({ principal, body, now }) => ({
    status: 200,
    body: await saveTenantSettings(principal.tenantId, body, now),
  }),
);
