import { type AfterSalesPolicy, putAfterSalesPolicyInput, type RuleClass } from './schema';

/** The policy a tenant has until an admin saves one: every default of the domain file (version 0). */
export const defaultAfterSalesPolicy: AfterSalesPolicy = {
  ...putAfterSalesPolicyInput.parse({}),
  version: 0,
};

/**
 * A saved policy as every reader sees it: a field added since it was saved reads as its default
 * until the tenant saves again (e.g. a `computer` class saved before `mainPartsWarrantyMonths`
 * gets its 24 months). Nested settings take their missing fields from the defaults; a rule class
 * the defaults also have takes that class's missing fields, except `alwaysExcluded`, which was
 * always there, so its absence is the tenant's choice. The tenant's own classes and category map
 * are kept as saved: filling them would undo what the tenant took out.
 */
export function withPolicyDefaults(saved: AfterSalesPolicy): AfterSalesPolicy {
  const fallback = defaultAfterSalesPolicy;
  const classes: Record<string, RuleClass> = {};
  for (const [id, ruleClass] of Object.entries(saved.classes ?? fallback.classes)) {
    const { alwaysExcluded: _chosen, ...missing } = fallback.classes[id] ?? ruleClass;
    classes[id] = { ...missing, ...ruleClass };
  }
  return {
    ...fallback,
    ...saved,
    noReason: {
      ...fallback.noReason,
      ...saved.noReason,
      condition: { ...fallback.noReason.condition, ...saved.noReason?.condition },
    },
    refundApproval: { ...fallback.refundApproval, ...saved.refundApproval },
    classes,
  };
}
