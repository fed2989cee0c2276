import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticatedHandler } from '../../shared/http/authenticated-route';
import { type HttpRouteName, httpRoutes } from '../../shared/http/route-table';
import { ulidPattern } from '../../shared/ids';
import {
  badDates,
  badIdempotencyKeys,
  badInstants,
  damagedCursors,
  foreignCursors,
  type JsonSchema,
  jsonSchemaOf,
  remove,
  slotsOf,
  textViolations,
  violations,
  withValue,
} from '../kit/bad-inputs';
import { type Invocation, type InvocationResult, invoke } from '../kit/invoke';
import {
  buildWorld,
  jwtRouteNames,
  publicRoutes,
  type RouteRequest,
  routeCases,
  type World,
} from '../kit/route-requests';
import { ofTenant, tableChanges } from '../kit/table-changes';

/*
 * Every route of the route table gets bad inputs generated from its own zod schemas: each must
 * be refused with a problem+json 4xx (never a 5xx) and leave the tenant's items as they were.
 * FUZZ_SEED reproduces a run; the seed is in every failure message.
 */

/** A well-formed id that names nothing anywhere. */
const nothingId = '01J0ZZZZZZZZZZZZZZZZZZZZZZ';

const seed = Number(process.env.FUZZ_SEED ?? 20261126);
const randomCasesPerRoute = 12;

interface BadCase {
  readonly label: string;
  readonly request: Invocation;
}

const root = resolve(import.meta.dirname, '../..');

async function schemasOf(routeName: HttpRouteName) {
  const file = pathToFileURL(resolve(root, httpRoutes[routeName].handler)).href;
  const module = (await import(/* @vite-ignore */ file)) as { handler: AuthenticatedHandler };
  const { body, query, params } = module.handler.schemas;
  return {
    body: body ? jsonSchemaOf(body) : undefined,
    query: query ? jsonSchemaOf(query) : undefined,
    params: params ? jsonSchemaOf(params) : undefined,
  };
}

const sample = <T>(arbitrary: fc.Arbitrary<T>, runs: number, salt: number) =>
  fc.sample(arbitrary, { numRuns: runs, seed: seed + salt });

const hash = (text: string) => [...text].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) | 0, 7);

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…(${text.length} chars)` : text;
};

/** A few cases per time field and bad date, then random schema violations at every slot. */
function bodyCases(
  base: RouteRequest,
  schema: JsonSchema,
  times: readonly string[],
  salt: number,
): BadCase[] {
  const cases: BadCase[] = [];
  const body = base.body as Record<string, unknown>;
  const at = (label: string, next: unknown): BadCase => ({ label, request: { ...base, body: next } });
  for (const field of schema.required ?? [])
    cases.push(at(`body without ${field}`, withValue(body, [field], remove)));
  cases.push(at('body with an unknown field', { ...body, unknownField: 'x' }));
  for (const time of times) {
    const path = time.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const dateOnly = /On$|holidays|WorkingDays/.test(time);
    for (const bad of dateOnly ? badDates : badInstants) {
      cases.push(at(`body.${time} = ${show(bad)}`, withValue(body, path, bad)));
    }
  }
  const slots = slotsOf(schema, body).filter((slot) => slot.path.length > 0);
  const mutations = fc.oneof(
    ...slots.flatMap((slot) =>
      violations(slot.schema, slot.value).map((arbitrary) =>
        arbitrary.map((bad) =>
          at(`body.${slot.path.join('.')} = ${show(bad)}`, withValue(body, slot.path, bad)),
        ),
      ),
    ),
  );
  cases.push(...sample(mutations, randomCasesPerRoute, salt));
  // Every id a body refers to must exist in the caller's tenant: a well-formed id of nothing is refused.
  for (const slot of slots.filter((candidate) => candidate.schema.pattern === ulidPattern.source)) {
    cases.push(at(`body.${slot.path.join('.')} = an id of nothing`, withValue(body, slot.path, nothingId)));
  }
  // Whole bodies that are not the object asked for.
  const raw = (label: string, rawBody: string, contentType = 'application/json'): BadCase => ({
    label,
    request: { ...base, body: undefined, rawBody, contentType },
  });
  cases.push(
    raw('body not JSON', '{"subject": '),
    raw('body is XML', '<ticket><subject>x</subject></ticket>'),
    raw('body is an array', '[]'),
    raw('body is null', 'null'),
    raw('body is a string', '"x"'),
    raw('body is empty', ''),
    raw('body over 64 KB', JSON.stringify({ ...body, zz: 'x'.repeat(70_000) })),
    raw('body nested 5000 deep', `${'['.repeat(5000)}${']'.repeat(5000)}`),
    raw('JSON sent as text/plain', JSON.stringify(body), 'text/plain'),
    raw('JSON sent as a form', JSON.stringify(body), 'application/x-www-form-urlencoded'),
    raw('JSON sent as multipart', JSON.stringify(body), 'multipart/form-data; boundary=x'),
  );
  return cases;
}

function textPartCases(
  base: RouteRequest,
  part: 'query' | 'params',
  schema: JsonSchema,
  times: readonly string[],
  salt: number,
): BadCase[] {
  const values = (base[part] ?? {}) as Record<string, string>;
  const at = (label: string, next: Record<string, string>): BadCase => ({
    label: `${part} ${label}`,
    request: { ...base, [part]: next },
  });
  const cases: BadCase[] = [];
  if (part === 'query') cases.push(at('with an unknown parameter', { ...values, zz: '1' }));
  for (const field of schema.required ?? []) {
    if (part === 'query')
      cases.push(at(`without ${field}`, withValue(values, [field], remove) as Record<string, string>));
  }
  for (const time of times) {
    if (!(time in (schema.properties ?? {}))) continue;
    for (const bad of badInstants) cases.push(at(`${time}=${show(bad)}`, { ...values, [time]: bad }));
  }
  const fields = Object.entries(schema.properties ?? {}).filter(([name]) => name !== 'cursor');
  const mutations = fc.oneof(
    ...fields.flatMap(([name, fieldSchema]) =>
      textViolations(fieldSchema).map((arbitrary) =>
        arbitrary.map((bad) => at(`${name}=${show(bad)}`, { ...values, [name]: bad })),
      ),
    ),
  );
  if (fields.length > 0)
    cases.push(...sample(mutations, part === 'params' ? 8 : randomCasesPerRoute, salt + 1));
  if (part === 'params') {
    // A well-formed id of nothing: 404, and nothing written.
    for (const name of Object.keys(schema.properties ?? {})) {
      cases.push(at(`${name} of nothing`, { ...values, [name]: nothingId }));
    }
  }
  return cases;
}

/** A real first-page cursor for this list, used to build cursors that must not be accepted. */
async function realCursor(routeName: HttpRouteName, base: RouteRequest, world: World): Promise<string> {
  for (const caller of [base.caller, world.admin]) {
    const page = await invoke<{ cursor: string | null }>(routeName, {
      ...base,
      caller,
      query: { ...base.query, limit: '1' },
    });
    if (page.status === 200 && page.body.cursor) return page.body.cursor;
  }
  throw new Error(`${routeName}: the world has no second page to get a cursor from`);
}

/** Another value for each filter of a list (not limit or cursor): reusing a cursor with it is refused. */
function otherFilters(schema: JsonSchema, query: Record<string, string>, world: World) {
  const others: Record<string, string>[] = [];
  for (const [name, field] of Object.entries(schema.properties ?? {})) {
    if (name === 'limit' || name === 'cursor') continue;
    const current = query[name] ?? (field.default as string | undefined);
    let next: string | undefined;
    if (field.enum) next = field.enum.find((choice) => choice !== current) as string | undefined;
    else if (field.pattern) next = current === world.otherStore.id ? world.store.id : world.otherStore.id;
    else if (name === 'from') next = '2026-01-01T00:00:00Z';
    else if (name === 'to') next = '2099-01-01T00:00:00Z';
    if (next !== undefined) others.push({ ...query, [name]: next });
  }
  return others;
}

async function cursorCases(
  routeName: HttpRouteName,
  base: RouteRequest,
  schema: JsonSchema,
  world: World,
  salt: number,
): Promise<BadCase[]> {
  const query = (base.query ?? {}) as Record<string, string>;
  const at = (label: string, next: Record<string, string>): BadCase => ({
    label,
    request: { ...base, query: next },
  });
  const cursor = await realCursor(routeName, base, world);
  const foreignList: HttpRouteName = routeName === 'listTickets' ? 'listStaff' : 'listTickets';
  const foreign = await realCursor(foreignList, await routeCases[foreignList].valid(world), world);
  return [
    ...sample(foreignCursors, 8, salt + 2).map((bad) => at(`cursor=${show(bad)}`, { ...query, cursor: bad })),
    ...damagedCursors(cursor).map((bad) => at(`damaged cursor ${show(bad)}`, { ...query, cursor: bad })),
    at(`cursor of ${foreignList}`, { ...query, cursor: foreign }),
    ...otherFilters(schema, query, world).map((next) =>
      at(`cursor reused with other filters ${show(next)}`, { ...next, cursor }),
    ),
  ];
}

function requestCases(routeName: HttpRouteName, base: RouteRequest, world: World, salt: number): BadCase[] {
  const cases: BadCase[] = [
    { label: 'no token', request: { ...base, caller: undefined } },
    {
      label: 'token with an unknown role only',
      request: { ...base, caller: { ...base.caller, roles: ['janitor' as never] } },
    },
    {
      label: "token of a tenant id we don't accept",
      request: { ...base, caller: { ...base.caller, tenantId: 'T#x' } },
    },
  ];
  if (httpRoutes[routeName].method === 'POST' && 'idempotent' in httpRoutes[routeName]) {
    for (const key of sample(badIdempotencyKeys, 6, salt + 3)) {
      cases.push({
        label: `Idempotency-Key ${show(key)}`,
        request: { ...base, headers: { ...base.headers, 'idempotency-key': key } },
      });
    }
  }
  void world;
  return cases;
}

const isProblem4xx = (result: InvocationResult<unknown>) => {
  const body = result.body as { status?: unknown; type?: unknown; title?: unknown } | undefined;
  return (
    result.status >= 400 &&
    result.status < 500 &&
    result.headers['content-type'] === 'application/problem+json' &&
    body?.status === result.status &&
    typeof body.type === 'string' &&
    typeof body.title === 'string'
  );
};

// What the bad requests wrote: read from the table's change stream (the file's own table).
const changes = tableChanges();
afterAll(() => changes.close());

describe('generated bad requests, every route', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld('fuzz');
  }, 120_000);

  it('covers every route of the route table', () => {
    const covered = [...Object.keys(routeCases), ...Object.keys(publicRoutes)].sort();
    expect(covered).toEqual(Object.keys(httpRoutes).sort());
  });

  it.each(jwtRouteNames)(
    '%s: every bad input is a problem+json 4xx and writes nothing',
    async (routeName) => {
      const routeCase = routeCases[routeName];
      const base = await routeCase.valid(world);
      const schemas = await schemasOf(routeName);
      const salt = hash(routeName);
      const times = routeCase.times ?? [];
      // A new time field must be listed in the route's `times` so it gets the bad dates.
      const named = [
        ...Object.keys(schemas.body?.properties ?? {}).filter((field) => /(At|On)$/.test(field)),
        ...Object.keys(schemas.query?.properties ?? {}).filter((field) => /(At|On|^from|^to)$/.test(field)),
      ];
      for (const field of named) expect(times, `${routeName}: ${field} is a time`).toContain(field);
      const cases = [
        ...requestCases(routeName, base, world, salt),
        ...(schemas.body ? bodyCases(base, schemas.body, times, salt) : []),
        ...(schemas.query ? textPartCases(base, 'query', schemas.query, times, salt) : []),
        ...(schemas.params ? textPartCases(base, 'params', schemas.params, times, salt) : []),
        ...(schemas.query?.properties?.cursor
          ? await cursorCases(routeName, base, schemas.query, world, salt)
          : []),
      ];
      await changes.newChanges();
      const failures: string[] = [];
      for (const { label, request } of cases) {
        const result = await invoke(routeName, request);
        if (!isProblem4xx(result)) {
          failures.push(`${label} → ${result.status} ${show(result.body)}`);
        }
      }
      const written = ofTenant(await changes.newChanges(), world.tenant).map(
        (change) => `${change.event} ${change.pk} ${change.sk}`,
      );
      expect({ seed, failures, written }).toEqual({ seed, failures: [], written: [] });
      // The unmutated request is accepted: the refusals above came from the mutations.
      const accepted = await invoke(routeName, base);
      expect(accepted.status, show(accepted.body)).toBeLessThan(300);
    },
    60_000,
  );

  it('notFound: any request is a problem+json 404', async () => {
    const requests = sample(
      fc.record({
        query: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
        rawBody: fc.string({ maxLength: 200 }),
        contentType: fc.constantFrom('application/json', 'text/plain', 'application/octet-stream'),
      }),
      20,
      1,
    );
    for (const request of requests) {
      const result = await invoke('notFound', request);
      expect(result.status).toBe(404);
      expect(isProblem4xx(result)).toBe(true);
    }
  });
});
