import { describe, expect, it } from 'vitest';
import { isNumericId, requireNumericId } from '../../../lib/adapters/shared/numeric-id.ts';

describe('numeric ids', () => {
  it('accepts digits only, so nothing else reaches a path, a query or a selector', () => {
    expect(isNumericId('4821')).toBe(true);
    for (const id of ['', '4821?include=users', '../users', '-1', '12a', ' 12']) expect(isNumericId(id)).toBe(false);
  });

  it('returns a numeric id and names the kind of id it refuses', () => {
    expect(requireNumericId('4821', 'Zendesk ticket')).toBe('4821');
    expect(() => requireNumericId('../users', 'Zendesk view')).toThrow('A Zendesk view id is a number, not "../users"');
  });
});
