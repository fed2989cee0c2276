import { describe, expect, it } from 'vitest';
import { createStoreInput } from '../../shared/stores/schema';

describe('store input', () => {
  it('accepts IANA zones including DST-observing ones, refuses abbreviations and nonsense', () => {
    const zone = (timezone: string) =>
      createStoreInput.safeParse({ code: 'AB', name: 'n', timezone }).success;
    expect(zone('Europe/Berlin')).toBe(true);
    expect(zone('UTC')).toBe(true);
    expect(zone('CST')).toBe(false);
    expect(zone('Mars/Olympus')).toBe(false);
  });
});
