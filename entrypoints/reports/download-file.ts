import type { DownloadFile } from '../../components/reports/export-bar.tsx';

/**
 * Saves a file through a Blob URL and a temporary link: no `downloads` permission, and the content
 * never leaves the browser.
 *
 * @example
 * downloadFile({ name: 'sla-summary-2026-11.csv', type: 'text/csv;charset=utf-8', content: csv });
 */
export function downloadFile(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: file.type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  // Firefox only follows a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download before the browser has read the blob.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
