import { en, zhCN } from 'zod/locales';
import { config, type ZodMiniType } from 'zod/mini';
import { type FieldIssue, invalidInput } from '../errors';
import type { Language } from './language';

// zod/mini ships without messages; English ones name the expectation ("expected string").
config(en());
const chinese = zhCN().localeError;

const fixedMessages = {
  en: { required: 'Required.', unknown: 'Unknown field.' },
  'zh-CN': { required: '必填。', unknown: '未知字段。' },
} as const;

export type RequestPart = FieldIssue['in'];

type Parsed<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/** Validates one part of a request and turns zod's issues into field issues naming each bad field. */
export function parsePart<T>(
  schema: ZodMiniType<T>,
  value: unknown,
  part: RequestPart,
  language: Language = 'en',
): Parsed<T> {
  // The input is reported on each issue only so a Chinese message can name what was received.
  const result = schema.safeParse(value, language === 'zh-CN' ? { reportInput: true } : undefined);
  if (result.success) return { ok: true, value: result.data };
  const issues: FieldIssue[] = [];
  for (const issue of result.error.issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      // One entry per unknown field, so a client sees each name it got wrong.
      for (const key of issue.keys) {
        issues.push({
          in: part,
          path: base ? `${base}.${key}` : key,
          message: fixedMessages[language].unknown,
        });
      }
    } else if (isMissing(issue)) {
      issues.push({ in: part, path: base, message: fixedMessages[language].required });
    } else {
      issues.push({ in: part, path: base, message: localized(issue, language) });
    }
  }
  return { ok: false, issues };
}

const isMissing = (issue: { code: string; message: string; input?: unknown }) =>
  issue.code === 'invalid_type' &&
  (issue.message.endsWith('received undefined') || ('input' in issue && issue.input === undefined));

type ZodIssue = Parameters<typeof chinese>[0];

/**
 * The issue's message in the caller's language. Schema messages are English (a ULID's hint, a
 * refinement's rule), so in Chinese zod's own zh-CN text for the issue is given, except for a
 * refinement (`custom`), whose rule only its English message states.
 */
function localized(issue: { code: string; message: string }, language: Language): string {
  if (language === 'en' || issue.code === 'custom') return issue.message;
  const message = chinese(issue as unknown as ZodIssue);
  return (typeof message === 'string' ? message : message?.message) ?? issue.message;
}

/** Validates all parts at once so a single 400 lists every problem of the request. */
export function parseRequestParts<B, Q, P>(
  parts: {
    body: [ZodMiniType<B>, unknown] | undefined;
    query: [ZodMiniType<Q>, unknown] | undefined;
    params: [ZodMiniType<P>, unknown] | undefined;
  },
  language: Language = 'en',
): { body: B; query: Q; params: P } {
  const body = parts.body ? parsePart(parts.body[0], parts.body[1], 'body', language) : undefined;
  const query = parts.query ? parsePart(parts.query[0], parts.query[1], 'query', language) : undefined;
  const params = parts.params ? parsePart(parts.params[0], parts.params[1], 'path', language) : undefined;
  const issues = [body, query, params].flatMap((result) => (result && !result.ok ? result.issues : []));
  if (issues.length > 0) throw invalidInput(issues);
  return {
    body: (body?.ok ? body.value : undefined) as B,
    query: (query?.ok ? query.value : undefined) as Q,
    params: (params?.ok ? params.value : undefined) as P,
  };
}
