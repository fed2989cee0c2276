/**
 * One spelling per phone number, so lookups by phone find the customer however the desk typed it.
 * Mainland numbers lose their +86/0086 prefix and separators (138 0013 8000 → 13800138000);
 * other international numbers keep a leading + and their digits.
 * A full numbering-plan library (libphonenumber) would add ~100 KB to every bundle that touches
 * customers for rules the desk does not need: it only needs a stable key.
 */
export function normalizePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s\-().]/g, '');
  const international = compact.startsWith('+')
    ? compact.slice(1)
    : compact.startsWith('00')
      ? compact.slice(2)
      : null;
  if (international === null) return compact;
  if (international.startsWith('86') && international.length > 2) return international.slice(2);
  return `+${international}`;
}
