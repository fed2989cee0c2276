import { publicRoute } from '../../shared/http/handler';
import { httpRoutes } from '../../shared/http/routes';

export const handler = publicRoute(httpRoutes.health, async ({ now }) => ({
  status: 200,
  body: { status: 'ok', time: now.toISOString() },
}));
