import type { DateTime } from 'luxon';
import type { CSSProperties } from 'react';
import { formatInstant } from '../../lib/format/instant.ts';
import { formatMinutes } from '../../lib/format/duration.ts';
import { instantMs } from '../../lib/registry/instants.ts';
import type { GroupRow, TicketRow } from '../../lib/state/queue-view.ts';
import { RISK_LABELS } from './labels.ts';

/** Fixed heights: rows are never measured, so the list stays cheap at thousands of rows. */
export const TICKET_ROW_HEIGHT = 58;
export const GROUP_ROW_HEIGHT = 28;

function timing(row: TicketRow, now: DateTime, zone: string): { main: string; sub: string } {
  const { clock } = row;
  if (!clock) return { main: RISK_LABELS[row.risk], sub: '' };
  const approximate = row.estimated ? '≈ ' : '';
  const due = formatInstant(clock.deadline, zone, now.toMillis());
  if (instantMs(clock.deadline) <= now.toMillis()) return { main: `${approximate}Overdue`, sub: `since ${due}` };
  const left = clock.remainingMinutes === null ? '' : `${approximate}${formatMinutes(clock.remainingMinutes)} left`;
  return { main: left, sub: `${clock.label} · due ${due}` };
}

export interface QueueTicketRowProps {
  row: TicketRow;
  id: string;
  active: boolean;
  now: DateTime;
  zone: string;
  style: CSSProperties;
  onOpen: (row: TicketRow) => void;
  onPoint: (key: string) => void;
}

/** One ticket: risk, subject (always as text), customer and plan, and the time to its first breach. */
export function QueueTicketRow({ row, id, active, now, zone, style, onOpen, onPoint }: QueueTicketRowProps) {
  const { ticket } = row;
  const { main, sub } = timing(row, now, zone);
  const meta = [row.customer, row.plan, row.severity?.label, ticket.assignee].filter((part): part is string => part !== undefined);
  return (
    <div
      id={id}
      role="option"
      aria-selected={active}
      className={`row row--${row.risk}${active ? ' row--active' : ''}`}
      style={style}
      title={row.estimated ? 'Estimated: the helpdesk history was not fully read' : undefined}
      onClick={() => onOpen(row)}
      onMouseMove={() => onPoint(row.key)}
    >
      <span className="row__risk">{RISK_LABELS[row.risk]}</span>
      <span className="row__main">
        <span className="row__title">
          <span className="row__id">#{ticket.id}</span> <span className="row__subject">{ticket.subject}</span>
        </span>
        <span className="row__meta">
          {row.severity && <span className="row__severity" style={{ backgroundColor: row.severity.color }} aria-hidden="true" />}
          {meta.join(' · ')}
        </span>
      </span>
      <span className="row__time">
        <span className="row__left">{main}</span>
        <span className="row__due">{sub}</span>
      </span>
    </div>
  );
}

/** A group heading. */
export function QueueGroupRow({ row, style }: { row: GroupRow; style: CSSProperties }) {
  return (
    <div role="presentation" className="group" style={style}>
      <span className="group__label">{row.label}</span> <span className="group__count">{row.count}</span>
    </div>
  );
}
