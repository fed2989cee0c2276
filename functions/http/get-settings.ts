import { httpRoutes } from '../../infra/routes';
import { authenticatedRoute } from '../../shared/http/authenticated-route';
import { readTenantSettings } from '../../shared/settings/tenant-settings';

export const handler = authenticatedRoute(httpRoutes.getSettings, {}, async ({ principal }) => ({
  status: 200,
  body: await readTenantSettings(principal.tenantId),
}));
