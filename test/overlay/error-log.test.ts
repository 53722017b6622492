import { describe, expect, it, vi } from 'vitest';
import { createErrorLog, errorMessage } from '../../lib/overlay/error-log.ts';

describe('createErrorLog', () => {
  it('captures exceptions instead of throwing, logs each distinct error once and remembers the first', () => {
    const log = vi.fn();
    const errors = createErrorLog(log);
    const failing = errors.guard(
      'read rows',
      (selector: string): number => {
        throw new Error(`no match for ${selector}`);
      },
      -1,
    );
    expect(failing('tr')).toBe(-1);
    expect(failing('tr')).toBe(-1);
    expect(failing('li')).toBe(-1);
    errors.capture(new Error('no match for tr'), 'draw badge');
    expect(log).toHaveBeenCalledTimes(3);
    expect(log).toHaveBeenNthCalledWith(1, 'SLA Lens: read rows failed', new Error('no match for tr'));
    expect(errors.firstMessage).toBe('read rows: Error: no match for tr');
    expect(errors.guard('ok', (a: number, b: number) => a + b, 0)(2, 3)).toBe(5);
  });

  it('describes any thrown value', () => {
    expect(errorMessage(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});
