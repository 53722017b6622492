import { describe, expect, it } from 'vitest';
import { requestBatches } from '../../../lib/adapters/shared/request-batches.ts';

describe('requestBatches', () => {
  it('cuts ids into consecutive batches of at most the size, keeping their order', () => {
    expect(requestBatches(['1', '2', '3', '4', '5'], 2)).toEqual([['1', '2'], ['3', '4'], ['5']]);
    expect(requestBatches(['1', '2'], 100)).toEqual([['1', '2']]);
  });

  it('sends no request for no ids: no batch, not one empty batch', () => {
    expect(requestBatches([], 50)).toEqual([]);
  });

  it('puts every id in exactly one batch', () => {
    const ids = Array.from({ length: 250 }, (_, index) => String(index));
    const batches = requestBatches(ids, 100);
    expect(batches.map((batch) => batch.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(ids);
  });

  it('refuses a size that could not hold an id (a caller bug, not an empty result)', () => {
    expect(() => requestBatches(['1'], 0)).toThrow(RangeError);
    expect(() => requestBatches(['1'], 1.5)).toThrow(RangeError);
  });
});
