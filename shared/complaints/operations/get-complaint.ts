import type { Principal } from '../../access/principal';
import { complaintInScope } from '../lookups';
import type { Complaint } from '../views';

/** The case with its judgement, tasks, remedy, feedback and satisfaction. */
export async function getComplaint(principal: Principal, complaintId: string): Promise<Complaint> {
  return complaintInScope(principal, complaintId);
}
