import { assertStoreAccess, type Principal } from '../access/principal';
import { DomainError, notFound } from '../errors';
import { findComplaint } from './repository';
import type { Complaint } from './views';

/** The case, if it is this tenant's (else 404) and in the caller's stores (else 403). */
export async function complaintInScope(principal: Principal, complaintId: string): Promise<Complaint> {
  const complaint = await findComplaint(principal.tenantId, complaintId);
  if (!complaint) throw notFound('complaint');
  assertStoreAccess(principal, complaint.storeId);
  return complaint;
}

/** A reference in the body that leads nowhere the caller may go: refused, naming the field. */
export const missingReference = (path: string, what: string) =>
  new DomainError('rule_refused', `${what}_not_found`, `No such ${what}.`, [
    { in: 'body', path, message: `No such ${what}.` },
  ]);
