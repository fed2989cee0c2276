import { notFound } from '../../shared/errors';
import { publicRoute } from '../../shared/http/handler';
import { httpRoutes } from '../../shared/http/routes';

export const handler = publicRoute(httpRoutes.notFound, async () => {
  throw notFound('route');
});
