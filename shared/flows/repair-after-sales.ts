/*
 * A repair leans on after-sales facts: the warranty comes from the tenant's after-sales policy
 * (rule class, period) and the item's repair history (days in repair do not count), and a
 * finished repair adds to that history (repair-reactions.ts), which the return rules read (三包 art. 11: two repairs
 * still failing → exchange or refund). Here, not in repairs/, so repairs never import after-sales;
 * the warranty arithmetic itself stays one pure function (after-sales/warranty.ts) both use.
 */
import { readAfterSalesPolicy, readReturnTally } from '../after-sales/repository';
import { classOf, warrantyBasis, warrantyOf } from '../after-sales/warranty';
import type { RepairWarrantyOf } from '../repairs/ports';

/** The warranty of a purchase line for createRepair. */
export const repairWarrantyOf: RepairWarrantyOf = async (tenantId, purchase, line, today) => {
  const item = purchase.items[line - 1];
  if (!item) throw new Error(`purchase ${purchase.id} has no line ${line}`);
  const [policy, history] = await Promise.all([
    readAfterSalesPolicy(tenantId),
    readReturnTally(tenantId, purchase),
  ]);
  const { id, ruleClass } = classOf(item, policy);
  const daysInRepairBefore = history.repairs?.[String(line)]?.daysInRepair ?? 0;
  // An exchanged line's replacement has its warranty from the exchange day (换货之日起重新计算).
  const invoiceDate = history.exchanges?.[String(line)]?.on ?? purchase.purchasedOn;
  const warranty = warrantyOf(ruleClass, item, invoiceDate, daysInRepairBefore, today);
  return {
    inWarranty: warranty.inWarranty,
    ruleClass: id,
    months: warranty.months,
    lastDay: warranty.lastDay,
    invoiceDate,
    daysInRepairBefore,
    decidedOn: today,
    basis: `${warrantyBasis}; policy v${policy.version}`,
  };
};
