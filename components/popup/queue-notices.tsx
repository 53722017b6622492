import type { Notice } from '../../lib/state/queue-view.ts';

/** What the queue does not know (no pinned queue, sites that could not be read, estimated clocks), said plainly. */
export function QueueNotices({ notices }: { notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  const warnings = notices.filter((notice) => notice.tone === 'warning').length;
  return (
    <details className="notices" open={warnings > 0}>
      <summary>
        {notices.length === 1 ? '1 thing' : `${notices.length} things`} SLA Lens does not know{warnings > 0 ? ` (${warnings} to fix)` : ''}
      </summary>
      <ul>
        {notices.map((notice) => (
          <li key={notice.key} className={`notice notice--${notice.tone}`}>
            {notice.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
