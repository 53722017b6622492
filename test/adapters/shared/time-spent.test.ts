import { describe, expect, it } from 'vitest';
import { minutesFromSeconds } from '../../../lib/adapters/shared/time-spent.ts';

describe('minutesFromSeconds', () => {
  it('converts seconds to minutes', () => {
    expect(minutesFromSeconds(5400)).toBe(90);
    expect(minutesFromSeconds(90)).toBe(1.5);
    expect(minutesFromSeconds(0)).toBe(0);
  });

  it('is undefined when there is no usable number, so unknown never reads as no time spent', () => {
    expect(minutesFromSeconds(undefined)).toBeUndefined();
    expect(minutesFromSeconds(Number.NaN)).toBeUndefined();
    expect(minutesFromSeconds(-60)).toBeUndefined();
  });
});
