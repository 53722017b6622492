import { describe, expect, it } from 'vitest';
import { settle } from '../../../lib/adapters/shared/settle.ts';

describe('settle', () => {
  it('resolves with what the reader returns', async () => {
    await expect(settle(() => 42)).resolves.toBe(42);
  });

  it('turns a thrown error into a rejection, so a caller awaiting it never sees a synchronous throw', async () => {
    const reading = settle(() => {
      throw new Error('no page');
    });
    await expect(reading).rejects.toThrow('no page');
  });
});
