import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/**
 * The typed client of the service desk API: openapi-fetch over the types that openapi-typescript
 * generates from docs/openapi.json (`npm run docs:openapi`). Paths, parameters, bodies and answers
 * are checked by the compiler; errors come back as RFC 9457 problems.
 */
export type { components, paths };
export type Problem = components['schemas']['Problem'];
export type ServiceDeskClient = Client<paths>;

export interface ServiceDeskClientOptions {
  /** The API's origin, e.g. http://127.0.0.1:3000 locally. */
  readonly baseUrl: string;
  /** A bearer token (locally from POST /local/tokens); asked again before each request. */
  readonly token?: string | (() => string | Promise<string>);
  /** `zh-CN` for problems in Chinese. */
  readonly language?: string;
}

export function createServiceDeskClient(options: ServiceDeskClientOptions): ServiceDeskClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl });
  const headers: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      if (options.language) request.headers.set('accept-language', options.language);
      return request;
    },
  };
  client.use(headers);
  return client;
}
