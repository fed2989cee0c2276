import { describe, expect, it } from 'vitest';
import { defaultSlaPolicies, matchPolicy } from '../../shared/sla/policies';
import type { SlaPolicy } from '../../shared/sla/schema';
import { samplePolicy } from '../kit/samples';

const policy = samplePolicy;
describe('SLA policies', () => {
  it('match by type, priority and store, first match wins, with defaults by priority', () => {
    const store = '01M8CFFSPPM7KHC0J6FQ7N11K4';
    const policies: SlaPolicy[] = [
      { ...policy, name: 'VIP store complaints', match: { types: ['complaint'], storeIds: [store] } },
      { ...policy, name: 'Urgent anything', match: { priorities: ['urgent'] } },
    ];
    expect(matchPolicy(policies, { type: 'complaint', priority: 'urgent', storeId: store })?.name).toBe(
      'VIP store complaints',
    );
    expect(matchPolicy(policies, { type: 'complaint', priority: 'urgent', storeId: 'other' })?.name).toBe(
      'Urgent anything',
    );
    expect(matchPolicy(policies, { type: 'repair', priority: 'low', storeId: store })).toBeUndefined();
    expect(
      matchPolicy(defaultSlaPolicies, { type: 'repair', priority: 'normal', storeId: store })?.name,
    ).toBe('Normal');
  });
});
