// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../entrypoints/reports/download-file.ts';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('downloadFile', () => {
  it('saves the content through a Blob URL and a temporary link, then revokes the URL', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:sla-lens/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: this.isConnected });
    });

    downloadFile({ name: 'sla-summary-2026-11.csv', type: 'text/csv;charset=utf-8', content: 'a,b\r\n' });

    expect(clicked).toEqual([{ href: 'blob:sla-lens/1', download: 'sla-summary-2026-11.csv', inDocument: true }]);
    expect(document.querySelector('a')).toBeNull();
    expect(created[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await created[0]?.text()).toBe('a,b\r\n');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:sla-lens/1');
  });
});
