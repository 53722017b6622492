import { describe, expect, it } from 'vitest';
import { byTime } from '../../../lib/adapters/shared/event-order.ts';

describe('byTime', () => {
  it('orders by instant, not by text: offsets and fractions do not sort as strings', () => {
    const events = [{ at: '2026-11-23T10:00:00+01:00', n: 1 }, { at: '2026-11-23T08:59:59.500Z', n: 2 }, { at: '2026-11-23T09:30:00Z', n: 3 }];
    expect(events.toSorted(byTime).map((event) => event.n)).toEqual([2, 1, 3]);
  });

  it('keeps events of the same instant in the order they were listed (the sort is stable)', () => {
    const events = [{ at: '2026-11-23T09:00:00Z', n: 1 }, { at: '2026-11-23T10:00:00+01:00', n: 2 }];
    expect(events.toSorted(byTime).map((event) => event.n)).toEqual([1, 2]);
  });
});
