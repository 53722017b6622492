import { useVirtualizer } from '@tanstack/react-virtual';
import type { DateTime } from 'luxon';
import { useMemo, type KeyboardEvent, type RefObject } from 'react';
import type { QueueRow, TicketRow } from '../../lib/state/queue-view.ts';
import { GROUP_ROW_HEIGHT, QueueGroupRow, QueueTicketRow, TICKET_ROW_HEIGHT } from './queue-row.tsx';

export interface QueueListProps {
  rows: readonly QueueRow[];
  activeKey: string | undefined;
  onActiveKeyChange: (key: string | undefined) => void;
  onOpen: (row: TicketRow) => void;
  now: DateTime;
  zone: string;
  /** The scrolling listbox (the search box moves focus into it). */
  listRef: RefObject<HTMLDivElement | null>;
}

const rowId = (index: number) => `queue-row-${index}`;

/**
 * The queue as a virtualized listbox: only the rows in view (plus a few) are in the DOM, so thousands
 * of tickets scroll without jank. Arrow keys, Page Up/Down, Home and End move between tickets
 * (group headings are skipped); Enter opens the ticket.
 */
export function QueueList({ rows, activeKey, onActiveKeyChange, onOpen, now, zone, listRef }: QueueListProps) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: (index) => (rows[index]?.kind === 'group' ? GROUP_ROW_HEIGHT : TICKET_ROW_HEIGHT),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
    // The popup's list area before it is first measured.
    initialRect: { width: 400, height: 420 },
    // React 19 warns about flushSync during render; rows have fixed heights, so the synchronous
    // re-render on scroll buys nothing.
    useFlushSync: false,
  });
  const ticketIndexes = useMemo(() => rows.flatMap((row, index) => (row.kind === 'ticket' ? [index] : [])), [rows]);
  const activeIndex = activeKey === undefined ? -1 : rows.findIndex((row) => row.key === activeKey);

  const moveTo = (position: number) => {
    const index = ticketIndexes[Math.min(Math.max(position, 0), ticketIndexes.length - 1)];
    if (index === undefined) return;
    onActiveKeyChange(rows[index]?.key);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const position = ticketIndexes.indexOf(activeIndex);
    const page = Math.max(Math.floor((listRef.current?.clientHeight ?? 420) / TICKET_ROW_HEIGHT) - 1, 1);
    const moves: Record<string, number> = {
      ArrowDown: position + 1,
      ArrowUp: position === -1 ? 0 : position - 1,
      PageDown: position + page,
      PageUp: position - page,
      Home: 0,
      End: ticketIndexes.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' && activeIndex !== -1) {
      const row = rows[activeIndex];
      if (row?.kind === 'ticket') {
        event.preventDefault();
        onOpen(row);
      }
    }
  };

  return (
    <div
      ref={listRef}
      className="queue"
      role="listbox"
      tabIndex={0}
      aria-label="Tickets by time to breach"
      aria-activedescendant={activeIndex === -1 ? undefined : rowId(activeIndex)}
      onKeyDown={onKeyDown}
      onFocus={() => {
        // Select the first ticket in view without scrolling: focus may come from a click on a row
        // further down, which must not jump the list to the top under the pointer.
        if (activeIndex !== -1) return;
        const offset = virtualizer.scrollOffset ?? 0;
        const first = virtualizer.getVirtualItems().find((item) => item.start >= offset && rows[item.index]?.kind === 'ticket');
        if (first) onActiveKeyChange(rows[first.index]?.key);
      }}
    >
      <div className="queue__space" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = { transform: `translateY(${item.start}px)`, height: item.size };
          return row.kind === 'group' ? (
            <QueueGroupRow key={item.key} row={row} style={style} />
          ) : (
            <QueueTicketRow
              key={item.key}
              row={row}
              id={rowId(item.index)}
              active={item.index === activeIndex}
              now={now}
              zone={zone}
              style={style}
              onOpen={onOpen}
              onPoint={onActiveKeyChange}
            />
          );
        })}
      </div>
    </div>
  );
}
