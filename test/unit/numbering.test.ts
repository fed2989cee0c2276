import { describe, expect, it } from 'vitest';
import { localDay, ticketNumber } from '../../shared/tickets/numbering';

describe('ticket numbers', () => {
  it('use the store’s local day, not UTC', () => {
    const lateEvening = new Date('2026-11-26T16:30:00Z'); // 00:30 on the 27th in Shanghai
    expect(localDay(lateEvening, 'Asia/Shanghai')).toBe('20261127');
    expect(localDay(lateEvening, 'Europe/Berlin')).toBe('20261126');
    expect(ticketNumber('SH01', '20261127', 7)).toBe('SH01-20261127-0007');
  });
});
