import { notFound } from '../../shared/errors';
import { publicRoute } from '../../shared/http/handler';
import * as routes from '../../shared/http/routes';

export const handler = publicRoute(routes.notFound, async () => {
  throw notFound('route');
});
