import { defineEntity } from '../db/entity';
import type { BusinessCalendar } from './views';

/** A calendar as saved: zone-less hours, since each store applies its own time zone. */
export type StoredCalendar = Omit<BusinessCalendar, 'timezone' | 'source'>;

/** A store's own calendar, beside its staff copies in the store partition. */
export const storeCalendarEntity = /* @__PURE__ */ defineEntity<
  StoredCalendar & { readonly storeId: string }
>({
  tag: 'store_calendar',
  about: "A store's own business calendar; it overrides the tenant default for that store.",
  key: { pk: 'T#{tenantId}#STORE#{storeId}', sk: 'CALENDAR' },
});

/** The tenant default, for every store without its own. */
export const tenantCalendarEntity = /* @__PURE__ */ defineEntity<StoredCalendar>({
  tag: 'tenant_calendar',
  about: "The tenant's default business calendar, for stores without their own.",
  key: { pk: 'T#{tenantId}', sk: 'CALENDAR' },
});
