import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registry, toJSONSchema, type ZodMiniType } from 'zod/mini';
import type { AuthenticatedHandler, RouteSchemas } from '../../shared/http/authenticated-route';
import { problemTypeUri } from '../../shared/http/problem';
import type { HttpRoute } from '../../shared/http/route';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { isUndocumented, type RouteContract, roleLabels, routeContracts, tags, views } from './contract';
import { problemCatalog } from './problems';

/**
 * Builds the OpenAPI 3.1 document from the route table (method, path, roles, auth, idempotency),
 * the handlers' request schemas (`handler.schemas`) and the views of ./contract.ts. Nothing here is
 * written by hand per route: a route added to the table appears once it has its contract entry.
 */

const repoRoot = resolve(import.meta.dirname, '../..');

type JsonSchema = Record<string, unknown>;
type Json = Record<string, unknown>;

/** JSON Schema of a request part, as a client sends it (defaults optional, before transforms). */
function inputSchema(schema: ZodMiniType): JsonSchema {
  const { $schema: _, ...rest } = toJSONSchema(schema, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** components.schemas: every view once, nested views as references. */
function viewSchemas(): Record<string, JsonSchema> {
  const named = registry<{ id: string }>();
  for (const [id, schema] of Object.entries(views)) named.add(schema, { id });
  const { schemas } = toJSONSchema(named, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _, $id: __, ...rest }]) => [id, rest]),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function pageSchema(view: string): JsonSchema {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: ref(view) },
      cursor: {
        type: ['string', 'null'],
        description: 'Pass back as `cursor` for the next page (same filters); null on the last page.',
      },
    },
    required: ['items', 'cursor'],
    additionalProperties: false,
  };
}

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details. `type` names a section of this reference page.',
  properties: {
    type: { type: 'string', format: 'uri-reference' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable reason, e.g. `version_conflict`.' },
    errors: {
      type: 'array',
      description: 'Every field problem of the request (400 only).',
      items: {
        type: 'object',
        properties: {
          in: { type: 'string', enum: ['body', 'query', 'path', 'header'] },
          path: { type: 'string', description: 'Dotted path in that part, e.g. `items.0.amount`.' },
          message: { type: 'string' },
        },
        required: ['in', 'path', 'message'],
      },
    },
    instance: { type: 'string' },
  },
  required: ['type', 'title', 'status', 'detail', 'code'],
};

/** Which problems a route can answer, from what the route table and its schemas say it does. */
function problemStatuses(route: HttpRoute, schemas: RouteSchemas): number[] {
  const jwt = route.auth === 'jwt';
  const statuses = new Set<number>();
  if (schemas.body || schemas.query || schemas.params || route.idempotent) statuses.add(400);
  if (jwt) statuses.add(401).add(403);
  if (jwt && (schemas.params || schemas.body)) statuses.add(404);
  if (route.tableAccess === 'readwrite') statuses.add(409).add(422);
  if (schemas.body) statuses.add(413).add(415);
  if (route.tableAccess !== 'none') statuses.add(503);
  return [...statuses].sort();
}

/** components.responses, one per problem status. */
function problemResponses(): Record<string, Json> {
  return Object.fromEntries(
    problemCatalog.map((entry) => [
      `Problem${entry.status}`,
      {
        description: `${entry.title}. ${entry.description}`,
        ...(entry.status === 503
          ? { headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } } }
          : {}),
        content: {
          'application/problem+json': {
            schema: ref('Problem'),
            examples: Object.fromEntries(
              entry.examples.map((example) => [
                example.name,
                {
                  summary: example.summary,
                  value: {
                    type: problemTypeUri(entry.kind),
                    title: example.title,
                    status: entry.status,
                    detail: example.detail,
                    code: example.code,
                    ...(example.errors ? { errors: example.errors } : {}),
                  },
                },
              ]),
            ),
          },
        },
      },
    ]),
  );
}

/** The object schema's properties as OpenAPI parameters (query strings and path segments). */
function parameters(schema: ZodMiniType, where: 'query' | 'path'): Json[] {
  const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function rolesText(route: HttpRoute): string {
  if (route.auth === 'none') return 'Public: no token needed.';
  return `Roles allowed (any one): ${route.roles.map((role) => `\`${role}\` (${roleLabels[role]})`).join(', ')}.`;
}

function operation(name: HttpRouteName, route: HttpRoute, schemas: RouteSchemas, contract: RouteContract) {
  const params: Json[] = [
    ...(schemas.params ? parameters(schemas.params, 'path') : []),
    ...(schemas.query ? parameters(schemas.query, 'query') : []),
  ];
  if (route.idempotent) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Makes the create safe to retry: a retry with the same key and body returns the first result (201, `Idempotent-Replayed: true`) and creates nothing new.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,128}$' },
      example: 'pos-7f3c2a91',
    });
  }
  params.push({ $ref: '#/components/parameters/AcceptLanguage' });
  const status = route.idempotent ? '201' : '200';
  const answer =
    contract.answer.shape === 'page' ? pageSchema(contract.answer.view) : ref(contract.answer.view);
  return {
    operationId: name,
    summary: contract.summary,
    description: `${rolesText(route)}${route.idempotent ? ' Honours `Idempotency-Key`.' : ''}`,
    tags: [contract.tag],
    'x-roles': [...route.roles],
    security: route.auth === 'jwt' ? [{ bearerAuth: [] }] : [],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(schemas.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: inputSchema(schemas.body),
                ...(contract.bodyExample === undefined ? {} : { example: contract.bodyExample }),
              },
            },
          },
        }
      : {}),
    responses: {
      [status]: {
        description: route.idempotent ? 'Created (or the first result, replayed).' : 'OK',
        ...(route.idempotent
          ? {
              headers: {
                Location: { schema: { type: 'string' }, description: 'The created object’s path.' },
                'Idempotent-Replayed': {
                  schema: { type: 'string', enum: ['true'] },
                  description: 'Present when this answer replays the first one.',
                },
              },
            }
          : {}),
        content: { 'application/json': { schema: answer } },
      },
      ...Object.fromEntries(
        problemStatuses(route, schemas).map((code) => [
          String(code),
          { $ref: `#/components/responses/Problem${code}` },
        ]),
      ),
    },
  };
}

/** Each handler's request schemas, read from the handler module itself (public routes have none). */
async function schemasOf(route: HttpRoute): Promise<RouteSchemas> {
  // Handler modules check their configuration at import, as in Lambda; nothing here calls the table.
  process.env.TABLE_NAME ??= 'openapi-document-build';
  const module = (await import(pathToFileURL(resolve(repoRoot, route.handler)).href)) as {
    handler: Partial<AuthenticatedHandler>;
  };
  return module.handler.schemas ?? {};
}

const description = `Service desk (服务台) API: stores, staff, customers, tickets (工单), SLA timers and revisits (回访).

Every request but the public ones carries a bearer JWT whose claims name the tenant, the user, their roles and
stores; each operation lists the roles it allows (also as \`x-roles\`). Times are ISO-8601 instants with an offset;
money is integer fen. Lists are paged with an opaque \`cursor\`. Updates carry the object's \`version\`.
Send \`Accept-Language: zh-CN\` to get problem titles, details and field messages in Chinese.

## Problems

Errors are RFC 9457 \`application/problem+json\`. Their \`type\` points to the section below with the same name.

${problemCatalog.map((entry) => `### ${entry.anchor}\n\n**${entry.status} ${entry.title}** (${entry.titleZh}). ${entry.description}`).join('\n\n')}
`;

export async function buildOpenApiDocument(): Promise<Json> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(httpRoutes) as [HttpRouteName, HttpRoute][]) {
    if (isUndocumented(name)) continue;
    const contract = routeContracts[name];
    if (!contract) throw new Error(`Route ${name} has no entry in scripts/openapi/contract.ts`);
    const schemas = await schemasOf(route);
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(
      name,
      route,
      schemas,
      contract,
    );
  }
  // Sorted here, not by the route table's key order: an ES namespace object sorts its keys, while
  // vitest's transformed one keeps declaration order, so only an explicit order is the same in both.
  const methodOrder = ['get', 'put', 'post', 'patch', 'delete'];
  const byMethod = ([a]: [string, unknown], [b]: [string, unknown]) =>
    methodOrder.indexOf(a) - methodOrder.indexOf(b);
  const sortedPaths = Object.fromEntries(
    Object.entries(paths)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([path, methods]) => [path, Object.fromEntries(Object.entries(methods).sort(byMethod))]),
  );
  return {
    openapi: '3.1.1',
    info: {
      title: 'Service desk API',
      version: '1',
      description,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/', description: 'The API this document is served from' }],
    tags: Object.entries(tags).map(([name, text]) => ({ name, description: text })),
    paths: sortedPaths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'Claims: `sub`, `tenantId`, `roles`, `storeIds`. Locally: `POST /local/tokens` issues one.',
        },
      },
      parameters: {
        AcceptLanguage: {
          name: 'Accept-Language',
          in: 'header',
          required: false,
          description: '`zh-CN` (or any `zh`) for Chinese problem texts; English otherwise.',
          schema: { type: 'string' },
          example: 'zh-CN',
        },
      },
      schemas: { ...viewSchemas(), Problem: problemSchema },
      responses: problemResponses(),
    },
  };
}

/** The document as committed: stable key order from the builder, two-space JSON, final newline. */
export const serialize = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

export const openApiFile = resolve(repoRoot, 'docs/openapi.json');
