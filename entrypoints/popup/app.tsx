import { DateTime } from 'luxon';
import { useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { EmptyState } from '../../components/popup/empty-state.tsx';
import { QueueList } from '../../components/popup/queue-list.tsx';
import { QueueNotices } from '../../components/popup/queue-notices.tsx';
import { QueueToolbar } from '../../components/popup/queue-toolbar.tsx';
import type { QueueStore } from '../../lib/state/queue-store.ts';
import { buildQueueView, formatRelative, type TicketRow } from '../../lib/state/queue-view.ts';
import { useNow } from './use-now.ts';

export interface PopupAppProps {
  store: QueueStore;
  /** The agent's time zone (deadlines are shown in it). */
  zone: string;
  onOpenTicket: (url: string) => void;
  onOpenOptions: () => void;
  /** Opens the monthly compliance reports. */
  onOpenReports: () => void;
  /** Asks the background to re-read the helpdesks now. */
  onRefresh: () => Promise<{ refreshed: number; failed: string[] }>;
  clock?: () => DateTime;
}

const utcNow = () => DateTime.utc();

/** The popup: the at-risk queue across helpdesks. */
export function PopupApp({ store, zone, onOpenTicket, onOpenOptions, onOpenReports, onRefresh, clock = utcNow }: PopupAppProps) {
  const state = useStore(store);
  const now = useNow(clock);
  const listRef = useRef<HTMLDivElement>(null);
  const [refreshing, setRefreshing] = useState<string | undefined>();
  const { registry, cache, pins, refreshStatus, me, myGroups, configured, grantedOrigins, problems, filters } = state;
  const view = useMemo(
    () => buildQueueView({ registry, cache, pins, refreshStatus, me, myGroups, configured, grantedOrigins, problems }, filters, now),
    [registry, cache, pins, refreshStatus, me, myGroups, configured, grantedOrigins, problems, filters, now],
  );

  if (state.status === 'loading') return <p className="loading" role="status">Loading…</p>;
  if (state.status === 'error') {
    return (
      <main className="popup">
        <EmptyState
          state={{ kind: 'error', title: 'SLA Lens could not read its data', detail: `${state.loadError ?? ''} — reload the extension, then open Options if it persists.` }}
          onOpenOptions={onOpenOptions}
          onResetFilters={state.resetFilters}
        />
      </main>
    );
  }

  const refresh = () => {
    setRefreshing('Refreshing…');
    onRefresh().then(
      ({ refreshed, failed }) => setRefreshing(failed.length > 0 ? `Refreshed ${refreshed}; ${failed.join('; ')}` : `Refreshed ${refreshed} tickets`),
      (error: unknown) => setRefreshing(`Refresh failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  };
  const open = (row: TicketRow) => onOpenTicket(row.link);

  return (
    <main className="popup">
      <header className="header">
        <h1>SLA Lens</h1>
        <span className="header__count">
          {view.shown} shown
        </span>
        <span className="header__fresh">{view.updatedAt === undefined ? 'No ticket read yet' : `Updated ${formatRelative(view.updatedAt, now)}`}</span>
        <button type="button" className="header__button" onClick={onOpenReports}>
          Reports
        </button>
        <button type="button" className="header__button" onClick={refresh} aria-label="Refresh from the helpdesks">
          ↻
        </button>
      </header>
      {refreshing !== undefined && (
        <p className="refresh-status" role="status">
          {refreshing}
        </p>
      )}
      <QueueToolbar filters={filters} facets={view.facets} onChange={state.setFilter} onSearchArrowDown={() => listRef.current?.focus()} />
      <QueueNotices notices={view.notices} />
      {view.empty ? (
        <EmptyState state={view.empty} onOpenOptions={onOpenOptions} onResetFilters={state.resetFilters} />
      ) : (
        <QueueList rows={view.rows} activeKey={state.activeKey} onActiveKeyChange={state.setActiveKey} onOpen={open} now={now} zone={zone} listRef={listRef} />
      )}
    </main>
  );
}
