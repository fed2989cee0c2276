import { describe, expect, it } from 'vitest';
import { newStore } from '../../shared/stores/model';
import { createStoreInput } from '../../shared/stores/schema';

const now = new Date('2026-11-26T09:30:00+08:00');

describe('stores', () => {
  it('builds a store from validated input and the injected clock', () => {
    const store = newStore(createStoreInput.parse({ code: 'hz01', name: '杭州店' }), 'S1', now);
    expect(store).toMatchObject({ code: 'HZ01', timezone: 'Asia/Shanghai', kind: 'other', version: 1 });
  });
});
