import { assertStoreAccess, type Principal } from '../access/principal';
import { DomainError, notFound } from '../errors';
import { findRevisit } from './repository';
import type { Revisit } from './views';

/** The revisit, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function revisitInScope(principal: Principal, revisitId: string): Promise<Revisit> {
  const revisit = await findRevisit(principal.tenantId, revisitId);
  if (!revisit) throw notFound('revisit');
  assertStoreAccess(principal, revisit.storeId);
  return revisit;
}

/** A reference in the body that leads nowhere the caller may go: refused, naming the field. */
export const missingReference = (path: string, what: string) =>
  new DomainError('rule_refused', `${what}_not_found`, `No such ${what}.`, [
    { in: 'body', path, message: `No such ${what}.` },
  ]);
