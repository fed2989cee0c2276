import type { Principal } from '../../access/principal';
import { wakeUpCallInScope } from '../lookups';
import type { WakeUpCall } from '../views';

export async function getWakeUpCall(principal: Principal, wakeUpCallId: string): Promise<WakeUpCall> {
  return wakeUpCallInScope(principal, wakeUpCallId);
}
