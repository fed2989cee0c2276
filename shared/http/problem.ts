import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError, type ErrorKind, type FieldIssue } from '../errors';
import type { Language } from './language';
import { detailInChinese, internalDetailZh } from './problem-zh';

/** RFC 9457 problem details, as every error response of the API carries them. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly errors?: readonly FieldIssue[];
  readonly instance?: string;
}

export const problemKinds: Record<
  ErrorKind | 'internal',
  { status: number; title: string; titleZh: string }
> = {
  invalid_input: { status: 400, title: 'Invalid input', titleZh: '输入无效' },
  unauthenticated: { status: 401, title: 'Authentication required', titleZh: '需要身份认证' },
  forbidden: { status: 403, title: 'Forbidden', titleZh: '无权操作' },
  not_found: { status: 404, title: 'Not found', titleZh: '未找到' },
  conflict: { status: 409, title: 'Conflict', titleZh: '冲突' },
  payload_too_large: { status: 413, title: 'Payload too large', titleZh: '请求体过大' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type', titleZh: '不支持的媒体类型' },
  rule_refused: { status: 422, title: 'Refused by a business rule', titleZh: '业务规则不允许' },
  unavailable: { status: 503, title: 'Service unavailable', titleZh: '服务暂不可用' },
  internal: { status: 500, title: 'Internal error', titleZh: '内部错误' },
};

/** Seconds a caller should wait before retrying a 503: contention clears within moments. */
export const retryAfterSeconds = 1;

/**
 * A problem's `type`: a relative reference (RFC 9457 §3.1.1 resolves it against the request's URL)
 * to the problem's section of the reference page that the same API serves at /docs.
 */
export const problemTypeUri = (kind: string) => `/docs#description/${problemAnchor(kind)}`;
/** The section heading's slug in the reference page (the heading is this text). */
export const problemAnchor = (kind: string) => `problem-${kind.replaceAll('_', '-')}`;

export function problemFromError(error: unknown, requestId?: string, language: Language = 'en'): Problem {
  const zh = language === 'zh-CN';
  if (error instanceof DomainError) {
    const { status, title, titleZh } = problemKinds[error.kind];
    return {
      type: problemTypeUri(error.kind),
      title: zh ? titleZh : title,
      status,
      detail: zh ? detailInChinese(error) : error.message,
      code: error.code,
      ...(error.issues.length > 0 ? { errors: error.issues } : {}),
      ...(requestId ? { instance: `urn:request:${requestId}` } : {}),
    };
  }
  // Never leak internals: the log has the stack, the caller gets the request id to quote.
  return {
    type: problemTypeUri('internal'),
    title: zh ? problemKinds.internal.titleZh : problemKinds.internal.title,
    status: 500,
    detail: zh ? internalDetailZh : 'Something went wrong on our side. Quote the instance when reporting it.',
    code: 'internal',
    ...(requestId ? { instance: `urn:request:${requestId}` } : {}),
  };
}

export function problemResponse(problem: Problem): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      'content-language': /[\u4e00-\u9fff]/.test(problem.title) ? 'zh-CN' : 'en',
      'cache-control': 'no-store',
      ...(problem.status === 503 ? { 'retry-after': String(retryAfterSeconds) } : {}),
    },
    body: JSON.stringify(problem),
  };
}
