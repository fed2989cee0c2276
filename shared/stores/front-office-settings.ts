import {
  _default,
  array,
  boolean,
  gte,
  type infer as Infer,
  int,
  lte,
  maxLength,
  minLength,
  optional,
  parse,
  prefault,
  refine,
  regex,
  strictObject,
  string,
  enum as zEnum,
} from 'zod/mini';

/** How long something is kept: whole days or calendar months in the store's zone. */
const period = (amount: number, unit: 'day' | 'month') =>
  _default(strictObject({ amount: int().check(gte(1), lte(366)), unit: zEnum(['day', 'month']) }), {
    amount,
    unit,
  });

/**
 * The hotel front-office ledgers' rules (维也纳 front office manual; shared/domain/front-office.md),
 * as a store setting. Absent sections take the defaults of common practice. `enabled` absent:
 * on for stores of kind `hotel`, off elsewhere; any store may switch the ledgers on.
 */
export const frontOfficeSettings = strictObject({
  enabled: optional(boolean()),
  // 叫醒服务: no answer → call again after 2 minutes, up to 3 calls; unrecorded 5 minutes → duty manager.
  wakeUp: prefault(
    strictObject({
      retryMinutes: _default(int().check(gte(1), lte(30)), 2),
      maxCalls: _default(int().check(gte(1), lte(10)), 3),
      overdueMinutes: _default(int().check(gte(1), lte(60)), 5),
    }),
    {},
  ),
  // 宾客遗留物品: kept 3 months, valuables 6, food a week, perishables a day; then disposed of or
  // handed to the police (旅馆业治安管理办法 art. 8).
  lostAndFound: prefault(
    strictObject({
      retention: prefault(
        strictObject({
          general: period(3, 'month'),
          valuables: period(6, 'month'),
          food: period(7, 'day'),
          perishables: period(1, 'day'),
        }),
        {},
      ),
    }),
    {},
  ),
  // 宾客留言单: a message still undelivered this long after it was taken → remind the desk.
  messages: prefault(strictObject({ reminderMinutes: _default(int().check(gte(10), lte(1440)), 120) }), {}),
  // 行李寄存: unclaimed this many days after the expected pick-up → remind the desk.
  luggage: prefault(strictObject({ unclaimedDays: _default(int().check(gte(1), lte(365)), 30) }), {}),
  // 保险箱: the fee for a key not returned at check-out, in fen (¥500 at one hotel).
  safeBoxes: prefault(
    strictObject({ lostKeyFee: _default(int().check(gte(0), lte(10_000_000)), 50_000) }),
    {},
  ),
  // 前台交班本: the shifts' start times in the store's zone, each shift ending where the next begins.
  shifts: prefault(
    strictObject({
      starts: _default(
        array(string().check(regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Expected HH:mm, e.g. 07:00.'))).check(
          minLength(1),
          maxLength(6),
          refine((starts) => starts.every((start, i) => i === 0 || start > (starts[i - 1] ?? '')), {
            message: 'List the shift starts in order, each once.',
          }),
        ),
        ['07:00', '15:00', '23:00'],
      ),
    }),
    {},
  ),
});
export type FrontOfficeSettings = Infer<typeof frontOfficeSettings>;

/** The settings a store works by: what it saved, else the defaults; on by kind unless it said. */
export function frontOfficeOf(store: {
  readonly kind: string;
  readonly frontOffice?: FrontOfficeSettings | undefined;
}): Omit<FrontOfficeSettings, 'enabled'> & { enabled: boolean } {
  // Parsed again: a section added since the store saved its settings takes its defaults.
  const saved = parse(frontOfficeSettings, store.frontOffice ?? {});
  return { ...saved, enabled: saved.enabled ?? store.kind === 'hotel' };
}
