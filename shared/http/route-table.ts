import type { HttpRoute } from './route';
import * as routes from './routes';

/** Every route by name, for CDK, the local server, tests and the bench; handlers import their own entry. */
export const httpRoutes: Readonly<Record<HttpRouteName, HttpRoute>> = routes;

export type HttpRouteName = keyof typeof routes;
export type { HttpMethod, HttpRoute } from './route';
