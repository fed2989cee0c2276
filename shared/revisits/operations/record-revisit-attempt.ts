import type { Principal } from '../../access/principal';
import { resolveCalendar } from '../../calendar/repository';
import { type IdempotencyClaim, once } from '../../db/idempotency';
import { notFound } from '../../errors';
import { findStore } from '../../stores/repository';
import { revisitInScope } from '../lookups';
import { applyAttempt, linkFollowUp } from '../model';
import { revisitWrites, saveRevisits } from '../repository';
import type { RecordRevisitAttemptInput } from '../schema';
import type { Revisit } from '../views';

/**
 * Opens the complaint that follows an unhappy revisit, under `claim` so it exists once. Supplied
 * by shared/flows/, so that revisits never import tickets.
 */
export type OpenFollowUp = (
  principal: Principal,
  revisit: Revisit,
  attempt: RecordRevisitAttemptInput,
  now: Date,
  claim: IdempotencyClaim,
) => Promise<{ readonly id: string }>;

/**
 * Records one attempt. A score of 1–2 opens a high-priority complaint linked both ways. The
 * complaint is created first, keyed by the revisit (so it exists once however often this is
 * retried), then the attempt and the link land together with the request's idempotency record.
 */
export async function recordRevisitAttempt(
  principal: Principal,
  revisitId: string,
  input: RecordRevisitAttemptInput,
  now: Date,
  idempotency: IdempotencyClaim | undefined,
  openFollowUp: OpenFollowUp,
): Promise<Revisit> {
  const revisit = await revisitInScope(principal, revisitId);
  const store = await findStore(principal.tenantId, revisit.storeId);
  if (!store) throw notFound('store');
  const calendar = await resolveCalendar(principal.tenantId, store);
  const attempted = applyAttempt(revisit, input, { actorId: principal.userId, now, calendar });
  let after = attempted.revisit;
  if (attempted.followUpNeeded) {
    const claim = { scope: 'revisit-follow-up', key: revisit.id, fingerprint: revisit.id };
    const complaint = await once(principal.tenantId, claim, now, async () => ({
      body: await openFollowUp(principal, revisit, input, now, claim),
    }));
    after = linkFollowUp(after, (complaint.body as { id: string }).id, { actorId: principal.userId, now });
  }
  await saveRevisits(principal.tenantId, revisitWrites(principal.tenantId, after, revisit), {
    claim: idempotency,
    response: { body: after },
    now,
  });
  return after;
}
