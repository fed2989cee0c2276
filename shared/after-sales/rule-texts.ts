import { readFileSync } from 'node:fs';
import { logger } from '../observability/logger';

/*
 * What the eligibility engine says: each rule's basis (the law article or tenant policy) and the
 * sentences a desk reads out, in Chinese and English, with `{name}` placeholders. They live in
 * rule-texts.json, read once: beside this source locally, beside the bundle in Lambda (the bundling
 * step copies it there, infra/bundled-files.ts), as shared/http/problem-zh.json does. Bundled, they
 * would push createReturn past the handler size bar.
 */

/** A Chinese and an English form. */
export type Pair = readonly [zh: string, en: string];

export interface RuleTexts {
  readonly basis: Readonly<Record<string, string>>;
  readonly says: Readonly<Record<string, Pair>>;
  readonly words: Readonly<Record<string, Pair>>;
}

const textsFile = new URL('./rule-texts.json', import.meta.url);
let texts: RuleTexts | undefined;

export function ruleTexts(): RuleTexts {
  if (texts) return texts;
  try {
    texts = JSON.parse(readFileSync(textsFile, 'utf8')) as RuleTexts;
  } catch (error) {
    // Decisions still come out right; what is said about them falls back to the rule names.
    logger.error('rule-texts.json unreadable; eligibility texts fall back to rule names', {
      error: error as Error,
    });
    texts = { basis: {}, says: {}, words: {} };
  }
  return texts;
}

/** A placeholder's value: the same in both languages, or a pair. */
export type TextValue = string | number | Pair;

/** Fills `{name}` placeholders in the language's form (0: Chinese, 1: English). */
export function fill(template: string, values: Readonly<Record<string, TextValue>>, lang: 0 | 1): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
}
