import type { Principal } from '../../access/principal';
import { versionConflict } from '../../errors';
import { findMembership } from '../../staff/repository';
import { missingReference, revisitInScope } from '../lookups';
import { applyAssignment } from '../model';
import { revisitWrites, saveRevisits } from '../repository';
import type { Revisit } from '../views';

export async function assignRevisit(
  principal: Principal,
  revisitId: string,
  input: { assigneeId: string; version?: number | undefined },
  now: Date,
): Promise<Revisit> {
  const revisit = await revisitInScope(principal, revisitId);
  if (input.version !== undefined && input.version !== revisit.version) throw versionConflict('revisit');
  if (!(await findMembership(principal.tenantId, revisit.storeId, input.assigneeId))) {
    throw missingReference('assigneeId', 'assignee');
  }
  const assigned = applyAssignment(revisit, input.assigneeId, { actorId: principal.userId, now });
  await saveRevisits(principal.tenantId, revisitWrites(principal.tenantId, assigned, revisit));
  return assigned;
}
