import type { KeyboardEvent } from 'react';
import { GROUPINGS, SCOPES, STATE_FILTERS, type QueueFilters, type QueueView } from '../../lib/state/queue-view.ts';
import { GROUPING_LABELS, HELPDESK_LABELS, SCOPE_LABELS, STATE_LABELS } from './labels.ts';

export interface QueueToolbarProps {
  filters: QueueFilters;
  facets: QueueView['facets'];
  onChange: <K extends keyof QueueFilters>(name: K, value: QueueFilters[K]) => void;
  /** Arrow Down in the search box moves into the list. */
  onSearchArrowDown: () => void;
}

function Select<V extends string>({ label, value, options, onChange }: { label: string; value: V; options: readonly (readonly [V, string])[]; onChange: (value: V) => void }) {
  return (
    <label className="toolbar__field">
      <span className="visually-hidden">{label}</span>
      <select
        aria-label={label}
        value={value}
        onChange={(event) => {
          const chosen = options.find(([option]) => option === event.target.value);
          if (chosen) onChange(chosen[0]);
        }}
      >
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Search, whose tickets, and the filters and grouping. */
export function QueueToolbar({ filters, facets, onChange, onSearchArrowDown }: QueueToolbarProps) {
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onSearchArrowDown();
    }
  };
  return (
    <div className="toolbar">
      <input
        className="toolbar__search"
        type="search"
        aria-label="Search tickets"
        placeholder="Search subject, customer, requester, #id…"
        value={filters.search}
        onChange={(event) => onChange('search', event.target.value)}
        onKeyDown={onSearchKeyDown}
        autoFocus
      />
      <div className="toolbar__scopes" role="group" aria-label="Whose tickets">
        {SCOPES.map((scope) => (
          <button key={scope} type="button" aria-pressed={filters.scope === scope} onClick={() => onChange('scope', scope)}>
            {SCOPE_LABELS[scope]}
          </button>
        ))}
      </div>
      <div className="toolbar__filters">
        <Select label="State" value={filters.state} options={STATE_FILTERS.map((state) => [state, STATE_LABELS[state]] as const)} onChange={(value) => onChange('state', value)} />
        <Select
          label="Helpdesk"
          value={filters.helpdesk}
          options={[['all', 'All helpdesks'] as const, ...facets.helpdesks.map((id) => [id, HELPDESK_LABELS[id]] as const)]}
          onChange={(value) => onChange('helpdesk', value)}
        />
        <Select label="Plan" value={filters.plan} options={[['all', 'All plans'] as const, ...facets.plans.map((plan) => [plan, plan] as const)]} onChange={(value) => onChange('plan', value)} />
        <Select
          label="Severity"
          value={filters.severity}
          options={[['all', 'All severities'] as const, ...facets.severities.map((severity) => [severity, severity] as const)]}
          onChange={(value) => onChange('severity', value)}
        />
        <Select label="Group by" value={filters.groupBy} options={GROUPINGS.map((grouping) => [grouping, GROUPING_LABELS[grouping]] as const)} onChange={(value) => onChange('groupBy', value)} />
      </div>
    </div>
  );
}
