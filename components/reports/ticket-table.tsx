import type { ComplianceTicket } from '../../lib/plans/index.ts';
import { formatMinutes } from '../../lib/format/duration.ts';
import { httpUrl } from '../../lib/reports/http-url.ts';
import { formatDateTime } from '../../lib/reports/report-text.ts';

interface TicketTableProps {
  tickets: readonly ComplianceTicket[];
  /** The customer's zone: creation times are local to them, as the month is. */
  zone: string;
  /** Ids of tickets whose clocks are estimates. */
  estimated: ReadonlySet<string>;
  caption: string;
}

function firstResponse(ticket: ComplianceTicket): string {
  const first = ticket.firstResponse;
  if (!first) return '—';
  const time = first.minutes === null ? 'no reply yet' : formatMinutes(first.minutes);
  return `${time} / ${formatMinutes(first.targetMinutes)}`;
}

function laterResponses(ticket: ComplianceTicket): string {
  if (ticket.averageMinutes === null) return '—';
  return `${ticket.laterResponses.length} × avg ${formatMinutes(ticket.averageMinutes)}`;
}

/** The tickets behind a row, with their first and later responses against the targets. */
export function TicketTable({ tickets, zone, estimated, caption }: TicketTableProps) {
  return (
    <table className="tickets">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Ticket</th>
          <th scope="col">Subject</th>
          <th scope="col">Created ({zone})</th>
          <th scope="col">Severity</th>
          <th scope="col">First response / target</th>
          <th scope="col">Later responses</th>
          <th scope="col">Missed</th>
        </tr>
      </thead>
      <tbody>
        {tickets.map((ticket) => {
          const href = httpUrl(ticket.url);
          return (
            <tr key={`${ticket.id}|${ticket.createdAt}`}>
              <td>
                {href === null ? (
                  ticket.id
                ) : (
                  <a href={href} target="_blank" rel="noreferrer">
                    {ticket.id}
                  </a>
                )}
              </td>
              <td>
                {ticket.subject}
                {!ticket.covered && <span className="tag">not covered</span>}
                {estimated.has(ticket.id) && <span className="tag">estimated</span>}
              </td>
              <td className="num">{formatDateTime(ticket.createdAt, zone)}</td>
              <td>{ticket.severity ?? '—'}</td>
              <td className="num">{firstResponse(ticket)}</td>
              <td className="num">{laterResponses(ticket)}</td>
              <td className={ticket.breaches.length > 0 ? 'missed' : undefined}>{ticket.breaches.length > 0 ? ticket.breaches.join(', ') : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
