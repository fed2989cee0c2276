import type { FieldIssue } from '../../shared/errors';
import { problemAnchor, problemKinds } from '../../shared/http/problem';

/**
 * What each problem `type` means, for the reference page's "Problems" sections and the example
 * responses. The statuses and titles come from shared/http/problem.ts, the one place errors become HTTP.
 */

interface ProblemExample {
  readonly name: string;
  readonly summary: string;
  readonly title: string;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldIssue[];
}

type Kind = keyof typeof problemKinds;

const descriptions: Record<Kind, { description: string; examples: readonly ProblemExample[] }> = {
  invalid_input: {
    description:
      'The request did not pass its schema. `errors` lists every bad field at once (`in`: body, query, path or header). Also: a cursor used with other filters, a malformed Idempotency-Key, a body that is not JSON.',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Invalid input',
        detail: 'The request has invalid fields.',
        code: 'invalid_input',
        errors: [
          { in: 'body', path: 'subject', message: 'Required.' },
          {
            in: 'body',
            path: 'priority',
            message: 'Invalid option: expected one of "low"|"normal"|"high"|"urgent"',
          },
        ],
      },
      {
        name: 'zh-CN',
        summary: '中文 (Accept-Language: zh-CN)',
        title: '输入无效',
        detail: '请求中有无效字段。',
        code: 'invalid_input',
        errors: [
          { in: 'body', path: 'subject', message: '必填。' },
          { in: 'body', path: 'priority', message: '无效选项：期望以下之一 "low"|"normal"|"high"|"urgent"' },
        ],
      },
    ],
  },
  unauthenticated: {
    description: 'No bearer token, or one that is expired, badly signed or for another audience.',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Authentication required',
        detail: 'A valid bearer token is required.',
        code: 'token_invalid',
      },
    ],
  },
  forbidden: {
    description:
      'The token is valid, but none of its roles may call this operation (see the operation’s roles).',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Forbidden',
        detail: 'Your roles do not allow this.',
        code: 'role_forbidden',
      },
    ],
  },
  not_found: {
    description:
      'No such object in your tenant and stores. Another tenant’s object answers the same, so its existence is never revealed.',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Not found',
        detail: 'No such ticket.',
        code: 'ticket_not_found',
      },
      { name: 'zh-CN', summary: '中文', title: '未找到', detail: '工单不存在。', code: 'ticket_not_found' },
    ],
  },
  conflict: {
    description:
      'The object changed since you read it (`version_conflict`: read it again and retry), the move is not allowed from its status, or a request with the same Idempotency-Key is still in progress.',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Conflict',
        detail: 'The ticket changed since it was read; read it again and retry.',
        code: 'version_conflict',
      },
    ],
  },
  payload_too_large: {
    description: 'The body is larger than the API accepts (64 KB).',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Payload too large',
        detail: 'The body exceeds 65536 bytes.',
        code: 'body_too_large',
      },
    ],
  },
  unsupported_media_type: {
    description: 'Send bodies as `application/json`.',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Unsupported media type',
        detail: 'Send the body as application/json.',
        code: 'json_required',
      },
    ],
  },
  rule_refused: {
    description:
      'A business rule refused the request; `code` names the rule (e.g. `idempotency_key_reused`: the key was already used for a different request).',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Refused by a business rule',
        detail: 'A satisfaction score needs a customer who was reached.',
        code: 'rule_refused',
      },
    ],
  },
  unavailable: {
    description:
      'Nothing was written: contention or the deadline stopped the work. Retry after `Retry-After` seconds.',
    examples: [
      {
        name: 'en',
        summary: 'English',
        title: 'Service unavailable',
        detail: 'Too many concurrent changes; nothing was written. Retry shortly.',
        code: 'contention',
      },
    ],
  },
  internal: {
    description: 'Something failed on our side. Quote `instance` when reporting it; details are never sent.',
    examples: [],
  },
};

export const problemCatalog = (Object.keys(problemKinds) as Kind[]).map((kind) => ({
  kind,
  anchor: problemAnchor(kind),
  ...problemKinds[kind],
  ...descriptions[kind],
}));
