import { type AfterSalesPolicy, putAfterSalesPolicyInput } from './schema';

/** The policy a tenant has until an admin saves one: every default of the domain file (version 0). */
export const defaultAfterSalesPolicy: AfterSalesPolicy = {
  ...putAfterSalesPolicyInput.parse({}),
  version: 0,
};
