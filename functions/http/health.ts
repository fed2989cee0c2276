import { httpRoutes } from '../../infra/routes';
import { publicRoute } from '../../shared/http/handler';

export const handler = publicRoute(httpRoutes.health, async ({ now }) => ({
  status: 200,
  body: { status: 'ok', time: now.toISOString() },
}));
