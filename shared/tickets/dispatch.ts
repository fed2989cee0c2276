import type { StaffRole } from '../access/roles';
import type { Merchant } from '../merchants/views';
import type { TicketType } from './schema';

/**
 * Who can take which kind of ticket. Complaints go to complaint handlers (投诉处理专员),
 * repairs and installs to technicians, IT requests to technicians; supervisors and managers can
 * take anything. Assignment and auto-dispatch both read this one table.
 */
export const assignableRoles: Readonly<Record<TicketType, readonly StaffRole[]>> = {
  inquiry: ['front_desk', 'complaint_handler', 'supervisor', 'manager'],
  complaint: ['complaint_handler', 'supervisor', 'manager'],
  return: ['front_desk', 'complaint_handler', 'supervisor', 'manager'],
  exchange: ['front_desk', 'complaint_handler', 'supervisor', 'manager'],
  repair: ['technician', 'supervisor', 'manager'],
  installation: ['technician', 'supervisor', 'manager'],
  compensation: ['complaint_handler', 'supervisor', 'manager'],
  it_request: ['technician', 'supervisor', 'manager'],
  other: ['front_desk', 'complaint_handler', 'technician', 'supervisor', 'manager'],
};

export const canTake = (type: TicketType, roles: readonly StaffRole[]) =>
  roles.some((role) => assignableRoles[type].includes(role));

export interface DispatchCandidate {
  readonly staffId: string;
  /** The linked sign-in; a member without one could never act on what they are given. */
  readonly userId?: string | undefined;
  readonly roles: readonly StaffRole[];
  readonly openTickets: number;
  /** ISO time of the last ticket handed to them by dispatch; undefined if never. */
  readonly lastAssignedAt?: string | undefined;
}

/**
 * Fewest open tickets wins; among equals, whoever was handed a ticket longest ago (never first),
 * which makes ties go round robin. Staff id breaks the last tie so the choice is deterministic.
 */
export function chooseAssignee(
  type: TicketType,
  candidates: readonly DispatchCandidate[],
): DispatchCandidate | undefined {
  return candidates
    .filter((candidate) => candidate.userId !== undefined && canTake(type, candidate.roles))
    .sort(
      (a, b) =>
        a.openTickets - b.openTickets ||
        (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') ||
        a.staffId.localeCompare(b.staffId),
    )[0];
}

/** The ticket types that are after-sales of goods sold. */
export const afterSalesTypes: readonly TicketType[] = ['return', 'exchange', 'repair'];

/**
 * Why an after-sales ticket goes to the store's service center, or undefined when it does not
 * (撤场商家的售后管理). A merchant still in its notice period (exiting) trades and answers for its
 * own goods, so only `exited` routes there.
 */
export function serviceCenterReason(
  type: TicketType,
  merchant: Pick<Merchant, 'status'> | undefined,
): 'merchant_exited' | undefined {
  return afterSalesTypes.includes(type) && merchant?.status === 'exited' ? 'merchant_exited' : undefined;
}
