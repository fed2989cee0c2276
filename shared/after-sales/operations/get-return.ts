import { assertStoreAccess, type Principal } from '../../access/principal';
import { notFound } from '../../errors';
import type { ReturnCase } from '../model';
import { findReturnCase } from '../repository';

export async function getReturn(principal: Principal, returnId: string): Promise<ReturnCase> {
  const returnCase = await findReturnCase(principal.tenantId, returnId);
  if (!returnCase) throw notFound('return');
  assertStoreAccess(principal, returnCase.storeId);
  return returnCase;
}
