import { readFileSync } from 'node:fs';
import type { DomainError } from '../errors';
import { logger } from '../observability/logger';

/**
 * Problem details in Chinese, by the error's stable `code`. A code not listed gets its kind's
 * general sentence with the English detail after it, so a Chinese reader always has both.
 *
 * The sentences by code, and the objects' names, are in problem-zh.json, read on the first Chinese
 * problem: beside this source locally, beside the bundle in Lambda (the bundling step copies it
 * there, infra/bundled-files.ts). Every area adds sentences, and every handler can answer any
 * of them; bundled, they would grow every function's cold start.
 */
interface ProblemTexts {
  readonly objects: Readonly<Record<string, string>>;
  readonly details: Readonly<Record<string, string>>;
}

const textsFile = new URL('./problem-zh.json', import.meta.url);
let texts: ProblemTexts | undefined;

export function problemTexts(): ProblemTexts {
  if (texts) return texts;
  try {
    texts = JSON.parse(readFileSync(textsFile, 'utf8')) as ProblemTexts;
  } catch (error) {
    // Never a 500 for want of a translation: the general sentences below still answer.
    logger.error('problem-zh.json unreadable; Chinese problems fall back to general sentences', {
      error: error as Error,
    });
    texts = { objects: {}, details: {} };
  }
  return texts;
}

const generalZh: Record<DomainError['kind'], string> = {
  invalid_input: '请求无效。',
  unauthenticated: '需要身份认证。',
  forbidden: '无权执行此操作。',
  not_found: '对象不存在。',
  conflict: '与当前状态冲突。',
  payload_too_large: '请求体过大。',
  unsupported_media_type: '不支持的媒体类型。',
  rule_refused: '业务规则不允许此操作。',
  unavailable: '服务暂不可用，请稍后重试。',
};

export function detailInChinese(error: DomainError): string {
  const { objects, details } = problemTexts();
  const known = details[error.code];
  if (known) return known;
  const missing = /^([a-z_]+)_not_found$/.exec(error.code)?.[1];
  if (missing && objects[missing]) return `${objects[missing]}不存在。`;
  if (error.code === 'version_conflict') return '对象在读取后已被修改，请重新读取后再试。';
  return `${generalZh[error.kind]}（${error.message}）`;
}

export const internalDetailZh = '服务器内部出错。报告问题时请提供 instance。';
