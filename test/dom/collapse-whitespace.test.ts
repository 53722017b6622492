import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../lib/dom/collapse-whitespace.ts';

describe('collapseWhitespace', () => {
  it('shows each run of white space as one space, none at the ends', () => {
    expect(collapseWhitespace('\n  Ana   Lima\n\t<ana@example.org> ')).toBe('Ana Lima <ana@example.org>');
    expect(collapseWhitespace(' \n ')).toBe('');
  });
});
