import {
  _default,
  boolean,
  gte,
  type infer as Infer,
  int,
  lte,
  optional,
  parse,
  prefault,
  strictObject,
} from 'zod/mini';

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
});
export type FrontOfficeSettings = Infer<typeof frontOfficeSettings>;

/** The settings a store works by: what it saved, else the defaults; on by kind unless it said. */
export function frontOfficeOf(store: {
  readonly kind: string;
  readonly frontOffice?: FrontOfficeSettings | undefined;
}): Omit<FrontOfficeSettings, 'enabled'> & { enabled: boolean } {
  const saved = store.frontOffice ?? parse(frontOfficeSettings, {});
  return { ...saved, enabled: saved.enabled ?? store.kind === 'hotel' };
}
