import { readFileSync } from 'node:fs';
import { logger } from '../observability/logger';

/*
 * What the repair desk writes and says (timeline notes, the charge basis, refusals), by key with
 * `{name}` placeholders. They live in repair-texts.json, read once: beside this source locally,
 * beside the bundle in Lambda (the bundling step copies it there, infra/bundled-files.ts), as the
 * eligibility engine's rule-texts.json does. Bundled, they would push recordRepairStep past the
 * handler size bar.
 */
const textsFile = new URL('./repair-texts.json', import.meta.url);
let texts: Readonly<Record<string, string>> | undefined;

/** The sentence `key` with its placeholders filled; without the file, the key and the values. */
export function say(key: string, values: Readonly<Record<string, string | number>> = {}): string {
  if (!texts) {
    try {
      texts = JSON.parse(readFileSync(textsFile, 'utf8')) as Record<string, string>;
    } catch (error) {
      // Never a 500 for want of a sentence: what happened is still said, if tersely.
      logger.error('repair-texts.json unreadable; repair texts fall back to keys', { error: error as Error });
      texts = {};
    }
  }
  const template = texts[key] ?? [key, ...Object.keys(values).map((name) => `{${name}}`)].join(' ');
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** An amount in minor units (fen) as the desk reads it: `CNY 450.00`. */
export function money(amount: number, currency: string): string {
  const format = new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' });
  const units = amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2);
  // Intl puts a no-break space after the code; notes are plain text.
  return format.format(units).replace('\u00a0', ' ');
}
