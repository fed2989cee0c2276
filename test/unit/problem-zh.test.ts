import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflict, DomainError, notFound, ruleRefused } from '../../shared/errors';
import { detailInChinese, problemTexts } from '../../shared/http/problem-zh';

const sharedDir = new URL('../../shared', import.meta.url).pathname;
const sources = (readdirSync(sharedDir, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(sharedDir, file), 'utf8'));
const matchesOf = (pattern: RegExp) =>
  new Set(sources.flatMap((source) => [...source.matchAll(pattern)].map((match) => match[1] ?? '')));

describe('problem details in Chinese (detailInChinese)', () => {
  it('names the missing object of every area, including two-word ones', () => {
    expect(detailInChinese(notFound('merchant'))).toBe('商户不存在。');
    expect(detailInChinese(notFound('return'))).toBe('退换货单不存在。');
    expect(detailInChinese(notFound('compensation_claim'))).toBe('先行赔付申请不存在。');
    // compensation's missing references are rule refusals with the same code shape
    expect(detailInChinese(new DomainError('rule_refused', 'merchant_not_found', 'No such merchant.'))).toBe(
      '商户不存在。',
    );
  });

  it('has its own sentence for the codes of returns, merchants and compensation claims', () => {
    expect(detailInChinese(ruleRefused('self_approval', 'The requester of a claim never decides it.'))).toBe(
      '申请人不能审批自己的先行赔付申请。',
    );
    expect(detailInChinese(ruleRefused('refund_blocked_hold', 'held'))).toBe(
      '商户撤场后保证金仍在保留期内，暂不能退还。',
    );
    expect(detailInChinese(conflict('over_returned', 'too many'))).toContain('超过购买数量');
  });

  it('gives an unlisted code its kind’s sentence with the English detail after it', () => {
    expect(detailInChinese(conflict('some_new_rule', 'A new rule said no.'))).toBe(
      '与当前状态冲突。（A new rule said no.）',
    );
  });

  it('has a sentence for every code and object the domain raises by name', () => {
    const { objects, details } = problemTexts();
    // Codes spelled out where errors are made: forbidden('x', …), conflict('x', …), ruleRefused('x', …),
    // new DomainError(kind, 'x', …), and the objects of notFound('x') / versionConflict('x').
    const codes = new Set([
      ...matchesOf(/\b(?:forbidden|conflict|ruleRefused)\(\s*'([a-z_]+)'/g),
      ...matchesOf(/new DomainError\(\s*'[a-z_]+',\s*'([a-z_]+)'/g),
    ]);
    const named = matchesOf(/\b(?:notFound|versionConflict)\(\s*'([a-z_]+)'/g);
    expect(codes.size).toBeGreaterThan(50);
    const untranslated = [...codes].filter((code) => {
      const object = /^([a-z_]+)_not_found$/.exec(code)?.[1];
      return !details[code] && !(object && objects[object]) && code !== 'version_conflict';
    });
    expect(untranslated.sort()).toEqual([]);
    expect([...named].filter((object) => !objects[object]).sort()).toEqual([]);
  });
});
