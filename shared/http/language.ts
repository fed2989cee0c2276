/** The languages problems are written in: Chinese for `Accept-Language: zh…`, English otherwise. */
export type Language = 'en' | 'zh-CN';

/**
 * Picks the caller's language from Accept-Language (RFC 9110 §12.5.4): the highest-weighted range
 * we speak, `zh` in any region or script counting as zh-CN; English when nothing matches.
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  let best: { language: Language; weight: number } = { language: 'en', weight: 0 };
  for (const part of acceptLanguage.split(',')) {
    const [range = '', ...parameters] = part.trim().toLowerCase().split(';');
    const q = parameters.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (!(weight > 0)) continue;
    const language: Language | undefined =
      range === 'zh' || range.startsWith('zh-')
        ? 'zh-CN'
        : range === 'en' || range.startsWith('en-')
          ? 'en'
          : undefined;
    if (language && weight > best.weight) best = { language, weight };
  }
  return best.language;
}
