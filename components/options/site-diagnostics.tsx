import type { DateTime } from 'luxon';
import { formatInstant } from '../../lib/format/instant.ts';
import type { SiteDiagnostics as Report } from '../../lib/storage/diagnostics-storage.ts';
import { helpdeskLabel } from './helpdesk-catalog.ts';
import { useEnvironment } from './options-environment.ts';

const PAGE_KINDS: Record<Report['pageKind'], string> = { ticket: 'a ticket', list: 'a ticket list', other: 'another page' };

function describe(report: Report, now: DateTime, zone: string): string[] {
  const at = (iso: string): string => formatInstant(iso, zone, now.toMillis());
  const lines = [
    `Last visit ${at(report.reportedAt)}: ${PAGE_KINDS[report.pageKind]}, ${report.recognized ? `recognized as ${report.helpdesk === null ? 'a helpdesk' : helpdeskLabel(report.helpdesk)}` : 'not recognized'}; ${report.ticketsRead} ticket${report.ticketsRead === 1 ? '' : 's'} read.`,
  ];
  if (report.lastTicketId !== undefined) lines.push(`Last ticket read: #${report.lastTicketId}${report.lastTicketAt === undefined ? '' : ` at ${at(report.lastTicketAt)}`}.`);
  if (report.lastError !== undefined) lines.push(`Last error${report.lastErrorAt === undefined ? '' : ` (${at(report.lastErrorAt)})`}: ${report.lastError}`);
  return lines;
}

/** What the content script last saw on one site (from the background's diagnostics), or that nothing was reported yet. */
export function SiteDiagnostics({ origin, report }: { origin: string; report: Report | undefined }) {
  const { now, zone } = useEnvironment();
  return (
    <section className="diagnostics" aria-label={`Diagnostics for ${origin}`}>
      <h4>Diagnostics</h4>
      {report === undefined ? (
        <p className="muted">No data yet. Open a ticket on {origin}; what SLA Lens recognized there will show here.</p>
      ) : (
        describe(report, now, zone).map((line) => (
          <p key={line} className={line.startsWith('Last error') ? 'field-error' : undefined}>
            {line}
          </p>
        ))
      )}
    </section>
  );
}
