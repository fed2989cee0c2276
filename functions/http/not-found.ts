import { httpRoutes } from '../../infra/routes';
import { notFound } from '../../shared/errors';
import { publicRoute } from '../../shared/http/handler';

export const handler = publicRoute(httpRoutes.notFound, async () => {
  throw notFound('route');
});
