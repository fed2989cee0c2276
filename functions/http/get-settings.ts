import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { httpRoutes } from '../../shared/http/routes';
import { readTenantSettings } from '../../shared/settings/tenant-settings';

export const handler = authenticatedRoute(httpRoutes.getSettings, {}, async ({ principal }) => ({
  status: 200,
  body: await readTenantSettings(principal.tenantId),
}));
