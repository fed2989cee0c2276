import { publicRoute } from '../../shared/http/handler';
import * as routes from '../../shared/http/routes';

export const handler = publicRoute(routes.health, async ({ now }) => ({
  status: 200,
  body: { status: 'ok', time: now.toISOString() },
}));
