import type { EmptyState as Empty } from '../../lib/state/queue-view.ts';

export interface EmptyStateProps {
  state: Empty;
  onOpenOptions: () => void;
  onResetFilters: () => void;
}

const NEEDS_OPTIONS: readonly Empty['kind'][] = ['no_helpdesk', 'no_plan', 'who_am_i'];

/** Why the list is empty, and the one thing to do about it. */
export function EmptyState({ state, onOpenOptions, onResetFilters }: EmptyStateProps) {
  return (
    <div className={`empty empty--${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'}>
      <p className="empty__title">{state.title}</p>
      {state.detail !== undefined && <p className="empty__detail">{state.detail}</p>}
      {NEEDS_OPTIONS.includes(state.kind) && (
        <button type="button" onClick={onOpenOptions}>
          Open Options
        </button>
      )}
      {state.kind === 'no_match' && (
        <button type="button" onClick={onResetFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
