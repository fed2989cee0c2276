import fc from 'fast-check';
import { toJSONSchema } from 'zod';
import type { ZodMiniType } from 'zod/mini';

/**
 * Bad inputs derived from a route's zod schemas (through their JSON Schema, input side): every
 * value produced here breaks the schema by construction, so the API must refuse it.
 */

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly format?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  /** A discriminated union (zod's discriminatedUnion): one member per value of its tag. */
  readonly oneOf?: readonly JsonSchema[];
  readonly default?: unknown;
}

export function jsonSchemaOf(schema: ZodMiniType<unknown>): JsonSchema {
  // zod's JSON Schema export reads zod/mini schemas too; `io: 'input'` leaves defaulted fields optional.
  return toJSONSchema(schema as unknown as Parameters<typeof toJSONSchema>[0], {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
}

export type Path = readonly (string | number)[];

/** A place in a valid value, with the schema that governs it. */
export interface Slot {
  readonly path: Path;
  readonly schema: JsonSchema;
  readonly value: unknown;
}

/** Every slot of a valid value: the value itself, its properties, the first element of its arrays. */
export function slotsOf(schema: JsonSchema, value: unknown, path: Path = []): Slot[] {
  // A discriminated union is fuzzed as the member the valid value is (its tag constants match).
  if (schema.oneOf && value && typeof value === 'object' && !Array.isArray(value)) {
    const member = schema.oneOf.find((candidate) =>
      Object.entries(candidate.properties ?? {}).every(
        ([key, property]) =>
          property.const === undefined || (value as Record<string, unknown>)[key] === property.const,
      ),
    );
    if (member) return slotsOf(member, value, path);
  }
  const slots: Slot[] = [{ path, schema, value }];
  if (schema.properties && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(schema.properties)) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner !== undefined) slots.push(...slotsOf(child, inner, [...path, key]));
    }
  }
  if (schema.items && Array.isArray(value) && value.length > 0) {
    slots.push(...slotsOf(schema.items, value[0], [...path, 0]));
  }
  return slots;
}

export function withValue(root: unknown, path: Path, next: unknown | typeof remove): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = withValue(copy[head as number], rest, next);
    return copy;
  }
  const copy = { ...(root as Record<string, unknown>) };
  if (rest.length === 0 && next === remove) delete copy[head as string];
  else copy[head as string] = withValue(copy[head as string], rest, next);
  return copy;
}
export const remove = Symbol('remove');

const typesOf = (schema: JsonSchema): string[] => {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  if (schema.oneOf) return schema.oneOf.flatMap(typesOf);
  if (schema.const !== undefined) return [typeof schema.const];
  if (schema.enum) return [...new Set(schema.enum.map((value) => typeof value))];
  const type = schema.type;
  if (type === undefined) return ['any'];
  const list = Array.isArray(type) ? [...type] : [type as string];
  return list.flatMap((name) => (name === 'integer' ? ['number'] : [name]));
};

const jsonTypeOf = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'array'
      : typeof value === 'object'
        ? 'object'
        : typeof value;

const wrongTypes: readonly unknown[] = [123, 1.5, true, null, {}, [], 'text', [1, 2]];

/** Strings no pattern of ours accepts (ids, codes, phones), and a few that look close. */
const notMatching = (pattern: RegExp) =>
  fc
    .oneof(
      fc.constantFrom(
        '',
        ' ',
        '%ZZ',
        '%',
        '../../etc/passwd',
        '01J0000000000000000000000!',
        '01j9zzzzzzzzzzzzzzzzzzzzzz',
        '0'.repeat(27),
        'ＡＢＣ',
        "1' OR '1'='1",
        'a'.repeat(5000),
      ),
      fc.string({ maxLength: 40 }),
    )
    .filter((text) => !pattern.test(text));

/** Values that break this schema (any of its constraints). Empty when we know no sure way. */
export function violations(schema: JsonSchema, value: unknown): fc.Arbitrary<unknown>[] {
  const out: fc.Arbitrary<unknown>[] = [];
  const accepted = typesOf(schema);
  if (!accepted.includes('any')) {
    const wrong = wrongTypes.filter((candidate) => !accepted.includes(jsonTypeOf(candidate)));
    if (wrong.length > 0) out.push(fc.constantFrom(...wrong));
  }
  if (schema.anyOf) return out;
  if (schema.enum) {
    out.push(fc.constantFrom('not-a-choice', 'NEW', ' ').filter((text) => !schema.enum?.includes(text)));
  }
  if (schema.const !== undefined) out.push(fc.constant(`${String(schema.const)}x`));
  if (schema.pattern) out.push(notMatching(new RegExp(schema.pattern)));
  if (schema.format === 'email') out.push(fc.constantFrom('no-at-sign', 'a@', '@b.cn'));
  if (schema.minLength !== undefined && schema.minLength >= 1) out.push(fc.constantFrom('', '   '));
  if (schema.maxLength !== undefined) {
    const max = schema.maxLength;
    out.push(fc.constantFrom('x'.repeat(max + 1), '长'.repeat(max + 1), ` ${'y'.repeat(max + 1)} `));
  }
  if (accepted.includes('number')) {
    out.push(fc.constantFrom('7', '1e3', 'NaN'));
    if (schema.type === 'integer') out.push(fc.constantFrom(1.5, -0.25, 1e21));
    if (schema.minimum !== undefined) out.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined)
      out.push(fc.constantFrom(schema.maximum + 1, Number.MAX_SAFE_INTEGER * 4));
  }
  if (accepted.includes('boolean')) out.push(fc.constantFrom('true', 0, 1));
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && schema.minItems >= 1) out.push(fc.constant([]));
    if (schema.maxItems !== undefined && value.length > 0) {
      out.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => value[0])));
    }
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.additionalProperties === false) {
    out.push(
      fc
        .constantFrom('zz', '__proto__', 'constructor', 'Subject', 'tenantId', 'pk')
        .filter((key) => !(key in (schema.properties ?? {})))
        .map((key) => ({ ...value, [key]: 1 })),
    );
  }
  return out;
}

/** Values that break this part when it travels as query or path text: everything is a string. */
export function textViolations(schema: JsonSchema): fc.Arbitrary<string>[] {
  if (schema.anyOf) {
    return [fc.constantFrom('', '%ZZ', 'not-an-id', '01j9zzzzzzzzzzzzzzzzzzzzzz')];
  }
  const out: fc.Arbitrary<string>[] = [];
  if (schema.enum) out.push(fc.constantFrom('not-a-choice', 'NEW', ''));
  if (schema.pattern) out.push(notMatching(new RegExp(schema.pattern)));
  if (schema.type === 'number' || schema.type === 'integer') {
    out.push(fc.constantFrom('abc', '0', '101', '1.5', '-1', '1e3', 'Infinity', '', '0x10'));
  }
  if (schema.maxLength !== undefined) out.push(fc.constant('c'.repeat(schema.maxLength + 1)));
  if (schema.minLength !== undefined && schema.minLength >= 1) out.push(fc.constant(''));
  return out;
}

/** Times the API must refuse: impossible dates, no offset, out of 2000–2100, not times at all. */
export const badInstants = [
  '2026-02-30T10:00:00+08:00',
  '2026-02-30',
  '0',
  '+275760-09-13T00:00:00.000Z',
  '-000001-01-01T00:00:00Z',
  '2026-12-01T10:00:00',
  '2026-12-01 10:00',
  '1999-12-31T23:59:59Z',
  '2101-01-01T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-12-01T25:00:00Z',
  'tomorrow',
  '',
] as const;

export const badDates = [
  '2026-02-30',
  '2026-02-29',
  '0',
  '+275760-09-13',
  '1999-12-31',
  '2101-01-01',
  '2026-12-01T00:00:00Z',
  '20261201',
  '2026-1-1',
  '',
] as const;

/** Idempotency keys outside `[A-Za-z0-9_.:-]{1,128}`. */
export const badIdempotencyKeys = fc.oneof(
  fc.constantFrom('', ' ', 'a b', 'k'.repeat(129), 'ключ', '键', 'a/b', 'a\tb', '%41', '{"k":1}'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((key) => !/^[A-Za-z0-9_.:-]{1,128}$/.test(key)),
);

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Cursors that belong to no list: random bytes, JSON of the wrong shape, keys of other tenants. */
export const foreignCursors = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.constantFrom(
    '!!!',
    '%ZZ',
    base64url('null'),
    base64url('[]'),
    base64url('"pk"'),
    base64url('{}'),
    base64url('{"pk":1,"sk":2}'),
    base64url('{"pk":{"S":"T#x"},"sk":"a"}'),
    base64url('{"__proto__":{"polluted":true}}'),
    base64url(`{"pk":"T#other-tenant","sk":"TICKET#01J0000000000000000000000"}`),
  ),
  fc
    .dictionary(fc.constantFrom('pk', 'sk', 'sspk', 'sssk', 'stpk', 'stsk'), fc.string({ maxLength: 30 }))
    .map((key) => base64url(JSON.stringify(key))),
);

/** A real cursor with one of its key attributes emptied or dropped. */
export function damagedCursors(cursor: string): string[] {
  const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  return Object.keys(key).flatMap((name) => {
    const { [name]: _dropped, ...rest } = key;
    return [
      base64url(JSON.stringify({ ...key, [name]: '' })),
      base64url(JSON.stringify(rest)),
      base64url(JSON.stringify({ ...key, [name]: 7 })),
    ];
  });
}
