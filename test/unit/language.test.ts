import { describe, expect, it } from 'vitest';
import { conflict, DomainError, notFound, ruleRefused, versionConflict } from '../../shared/errors';
import { preferredLanguage } from '../../shared/http/language';
import { problemFromError, problemResponse } from '../../shared/http/problem';
import { parseRequestParts } from '../../shared/http/validation';
import { createTicketInput } from '../../shared/tickets/schema';

const hasChinese = /[\u4e00-\u9fff]/;

describe('preferredLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN,zh;q=0.9', 'zh-CN'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR,zh-CN;q=0.5', 'zh-CN'],
    ['zh-CN;q=0', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
    ['', 'en'],
    ['garbage;;;q=x', 'en'],
  ])('reads %j as %s', (header, language) => {
    expect(preferredLanguage(header)).toBe(language);
  });
});

describe('problems in Chinese (Accept-Language: zh-CN)', () => {
  it('gives field messages in Chinese, from zod’s zh-CN locale, and keeps English otherwise', () => {
    const body: [typeof createTicketInput, unknown] = [
      createTicketInput,
      { storeId: 'nope', type: 'repair', channel: 'walk_in', priority: 'soon', extra: 1 },
    ];
    const issuesIn = (language: 'en' | 'zh-CN') => {
      try {
        parseRequestParts({ body, query: undefined, params: undefined }, language);
      } catch (error) {
        return Object.fromEntries((error as DomainError).issues.map((issue) => [issue.path, issue.message]));
      }
      throw new Error('the body passed');
    };
    const zh = issuesIn('zh-CN');
    expect(zh).toEqual({
      subject: '必填。',
      extra: '未知字段。',
      storeId: expect.stringMatching(hasChinese),
      priority: expect.stringMatching(hasChinese),
    });
    const en = issuesIn('en');
    expect(en.subject).toBe('Required.');
    expect(en.priority).not.toMatch(hasChinese);
    expect(en.storeId).toBe('Expected an id (26-character ULID).');
  });

  it.each([
    [
      'invalid input',
      new DomainError('invalid_input', 'invalid_json', 'The body is not valid JSON.'),
      '输入无效',
    ],
    ['a missing ticket', notFound('ticket'), '未找到'],
    ['a stale version', versionConflict('ticket'), '冲突'],
    ['a taken store code', conflict('store_code_taken', 'The store code SH01 is taken.'), '冲突'],
    ['an unlisted rule', ruleRefused('some_new_rule', 'A new rule said no.'), '业务规则不允许'],
  ])('gives %s a Chinese title and detail', (_case, error, title) => {
    const problem = problemFromError(error, 'req-1', 'zh-CN');
    expect(problem.title).toBe(title);
    expect(problem.detail).toMatch(hasChinese);
    expect(problem.code).toBe(error.code);
    expect(problemResponse(problem).headers).toMatchObject({ 'content-language': 'zh-CN' });
    const english = problemFromError(error, 'req-1', 'en');
    expect(english.title).not.toMatch(hasChinese);
    expect(english.detail).toBe(error.message);
  });

  it('keeps the English detail beside the general Chinese sentence for a code it has no text for', () => {
    expect(
      problemFromError(ruleRefused('some_new_rule', 'A new rule said no.'), undefined, 'zh-CN').detail,
    ).toBe('业务规则不允许此操作。（A new rule said no.）');
  });

  it('names the missing object in Chinese', () => {
    expect(problemFromError(notFound('ticket'), undefined, 'zh-CN').detail).toBe('工单不存在。');
  });
});
