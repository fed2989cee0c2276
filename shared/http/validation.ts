import { en } from 'zod/locales';
import { config, type ZodMiniType } from 'zod/mini';
import { type FieldIssue, invalidInput } from '../errors';

// zod/mini ships without messages; English ones name the expectation ("expected string").
config(en());

export type RequestPart = FieldIssue['in'];

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Validates one part of a request and turns zod's issues into field issues naming each bad field. */
export function parsePart<T>(schema: ZodMiniType<T>, value: unknown, part: RequestPart): Parsed<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issues: FieldIssue[] = [];
  for (const issue of result.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown field, so a client sees each name it got wrong.
      for (const key of issue.keys) {
        issues.push({ in: part, path: base ? `${base}.${key}` : key, message: 'Unknown field.' });
      }
    } else {
      issues.push({ in: part, path: base, message: isMissing(issue) ? 'Required.' : issue.message });
    }
  }
  return { ok: false, issues };
}

const isMissing = (issue: { code: string; message: string }) =>
  issue.code === 'invalid_type' && issue.message.endsWith('received undefined');

/** Validates all parts at once so a single 400 lists every problem of the request. */
export function parseRequestParts<B, Q, P>(parts: {
  body: [ZodMiniType<B>, unknown] | undefined;
  query: [ZodMiniType<Q>, unknown] | undefined;
  params: [ZodMiniType<P>, unknown] | undefined;
}): { body: B; query: Q; params: P } {
  const body = parts.body ? parsePart(parts.body[0], parts.body[1], 'body') : undefined;
  const query = parts.query ? parsePart(parts.query[0], parts.query[1], 'query') : undefined;
  const params = parts.params ? parsePart(parts.params[0], parts.params[1], 'path') : undefined;
  const issues = [body, query, params].flatMap((result) => (result && !result.ok ? result.issues : []));
  if (issues.length > 0) throw invalidInput(issues);
  return {
    body: (body?.ok ? body.value : undefined) as B,
    query: (query?.ok ? query.value : undefined) as Q,
    params: (params?.ok ? params.value : undefined) as P,
  };
}
