import type { Principal } from '../../access/principal';
import type { IdempotencyClaim } from '../../db/idempotency';
import { ruleRefused } from '../../errors';
import { frontOfficeStore } from '../../front-office/desk';
import { newId } from '../../ids';
import { assertAcceptableContents, newLuggage } from '../model';
import { luggageWrites, saveLuggage } from '../repository';
import type { StoreLuggageInput } from '../schema';
import type { Luggage } from '../views';

/**
 * Takes luggage into storage under a tag (行李寄存): the tag number is reserved in the store in
 * the same transaction, and a reminder waits for the luggage unclaimed after its pick-up.
 */
export async function storeLuggage(
  principal: Principal,
  input: StoreLuggageInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
): Promise<Luggage> {
  const { store, settings } = await frontOfficeStore(principal, input.storeId);
  assertAcceptableContents(input.declaredContents);
  if (Date.parse(input.expectedPickUpAt) <= now.getTime()) {
    throw ruleRefused('pick_up_in_past', '`expectedPickUpAt` must lie ahead.');
  }
  const luggage = newLuggage({
    id: newId(now),
    input,
    unclaimedDays: settings.luggage.unclaimedDays,
    timezone: store.timezone,
    actorId: principal.userId,
    now,
  });
  await saveLuggage(principal.tenantId, luggage, luggageWrites(principal.tenantId, luggage), {
    claim: idempotency,
    response: { body: luggage },
    now,
  });
  return luggage;
}
