import { repairHistoryWrites } from '../after-sales/repair-history';
import type { RepairReactions } from '../repairs/ports';
import { revisitAfterService } from './revisit-scheduling';

/**
 * What a finished repair sets off, for `recordRepairStep`: its line's repair history (read by the
 * return rules) and the resolved ticket's post-service revisit.
 */
export const repairReactions: RepairReactions = {
  finished: (tenantId, repair) =>
    repairHistoryWrites(tenantId, { ...repair, daysInRepair: repair.daysInRepair ?? 0 }),
  resolved: revisitAfterService,
};
