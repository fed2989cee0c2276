import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileErrors, validate } from '@readme/openapi-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientTypes, clientTypesFile } from '../../scripts/openapi/client';
import { isUndocumented, routeContracts, undocumentedRoutes, views } from '../../scripts/openapi/contract';
import { buildOpenApiDocument, openApiFile, serialize } from '../../scripts/openapi/document';
import type { AuthenticatedHandler } from '../../shared/http/authenticated-route';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';

/**
 * docs/openapi.json: generated from the route table, the handlers' schemas and
 * scripts/openapi/contract.ts (`npm run docs:openapi`), valid OpenAPI 3.1, and never stale.
 */

interface Operation {
  operationId: string;
  security: unknown[];
  'x-roles': string[];
  parameters?: { name?: string; in?: string; $ref?: string }[];
  requestBody?: { content: { 'application/json': { example?: unknown } } };
  responses: Record<string, unknown>;
}
type Document = { paths: Record<string, Record<string, Operation>> } & Record<string, unknown>;

let built: Document;
beforeAll(async () => {
  built = (await buildOpenApiDocument()) as Document;
}, 60_000);

const operations = () =>
  Object.entries(built.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );

describe('the OpenAPI document', () => {
  it('is committed as generated: run `npm run docs:openapi` after changing a route or schema', () => {
    expect(readFileSync(openApiFile, 'utf8')).toBe(serialize(built));
  });

  it('has the typed client’s types (client/schema.d.ts) generated from it: run `npm run docs:openapi`', async () => {
    expect(readFileSync(clientTypesFile, 'utf8')).toBe(await clientTypes(serialize(built)));
    // Generating the types of a 0.5 MB document takes longer than the unit default on a loaded machine.
  }, 60_000);

  it('is valid OpenAPI 3.1 for @readme/openapi-parser', async () => {
    const result = await validate(structuredClone(built) as never);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(built.openapi).toMatch(/^3\.1\./);
  }, 60_000);

  it('has every route of the route table (but the $default fallback and the reference page), each with a declared answer', () => {
    const documented = operations()
      .map(({ operation }) => operation.operationId)
      .sort();
    const routed = (Object.keys(httpRoutes) as HttpRouteName[])
      .filter((name) => !isUndocumented(name))
      .sort();
    expect(routed.length).toBe(Object.keys(httpRoutes).length - undocumentedRoutes.length);
    expect(documented).toEqual(routed);
    expect(Object.keys(routeContracts).sort()).toEqual(routed);
    for (const { path, method, operation } of operations()) {
      const route = httpRoutes[operation.operationId as HttpRouteName];
      expect(`${method.toUpperCase()} ${path}`).toBe(`${route.method} ${route.path}`);
      const success = route.idempotent ? '201' : '200';
      expect(operation.responses[success], operation.operationId).toBeDefined();
    }
  });

  it('states roles, bearer security and the Idempotency-Key header as the route table does', () => {
    for (const { operation } of operations()) {
      const route = httpRoutes[operation.operationId as HttpRouteName];
      expect(operation['x-roles'], operation.operationId).toEqual(route.roles);
      expect(operation.security).toEqual(route.auth === 'jwt' ? [{ bearerAuth: [] }] : []);
      const idempotencyHeader = (operation.parameters ?? []).some((p) => p.name === 'Idempotency-Key');
      expect(idempotencyHeader, operation.operationId).toBe(route.idempotent === true);
      if (route.auth === 'jwt')
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('lists each handler’s path and query fields as parameters, and its body schema', async () => {
    const root = resolve(import.meta.dirname, '../..');
    for (const { operation } of operations()) {
      const route = httpRoutes[operation.operationId as HttpRouteName];
      const module = (await import(pathToFileURL(resolve(root, route.handler)).href)) as {
        handler: Partial<AuthenticatedHandler>;
      };
      const schemas = module.handler.schemas ?? {};
      const named = (where: string) =>
        (operation.parameters ?? []).filter((p) => p.in === where).map((p) => p.name);
      const fields = (schema: unknown) =>
        Object.keys((schema as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
      expect(named('path'), operation.operationId).toEqual(fields(schemas.params));
      expect(named('query'), operation.operationId).toEqual(fields(schemas.query));
      expect(operation.requestBody !== undefined, operation.operationId).toBe(schemas.body !== undefined);
      // Path templates name exactly the parameters the handler validates.
      expect([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])).toEqual(fields(schemas.params));
    }
  });

  it('has request examples (with Chinese text) that the routes’ own body schemas accept', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const withExamples = Object.entries(routeContracts).filter(([, contract]) => contract.bodyExample);
    expect(withExamples.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(withExamples)).toMatch(/[\u4e00-\u9fff]/);
    for (const [name, contract] of withExamples) {
      const route = httpRoutes[name as HttpRouteName];
      const module = (await import(pathToFileURL(resolve(root, route.handler)).href)) as {
        handler: AuthenticatedHandler;
      };
      const result = module.handler.schemas.body?.safeParse(contract.bodyExample);
      expect(result?.success, `${name}: ${JSON.stringify(result?.error?.issues)}`).toBe(true);
    }
  });

  it('names every view in components.schemas and answers list routes with a page of them', () => {
    const schemas = (built.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining([...Object.keys(views), 'Problem']));
    const listTickets = built.paths['/v1/tickets']?.get?.responses['200'] as {
      content: {
        'application/json': { schema: { properties: Record<string, unknown>; required: string[] } };
      };
    };
    const page = listTickets.content['application/json'].schema;
    expect(page.required).toEqual(['items', 'cursor']);
    expect(page.properties.items).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Ticket' } });
  });
});
