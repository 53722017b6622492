import type { RiskLevel } from '../../lib/registry/risk.ts';
import type { Grouping, Scope, StateFilter } from '../../lib/state/queue-view.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';

/** Helpdesk names as people know them (the popup does not load the adapters themselves). */
export const HELPDESK_LABELS: Record<HelpdeskId, string> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  'jira-service-management': 'Jira Service Management',
  zammad: 'Zammad',
  znuny: 'Znuny / OTRS',
  'request-tracker': 'Request Tracker',
  generic: 'Other helpdesk',
};

export const RISK_LABELS: Record<RiskLevel, string> = {
  breached: 'Breached',
  warning: 'At risk',
  ok: 'On track',
  paused: 'Paused',
  not_covered: 'No plan',
  not_evaluated: 'Not evaluated',
};

export const SCOPE_LABELS: Record<Scope, string> = { all: 'All', mine: 'Mine', groups: 'My groups' };

export const STATE_LABELS: Record<StateFilter, string> = {
  at_risk: 'At risk or breached',
  breached: 'Breached',
  warning: 'At risk',
  open: 'All open',
};

export const GROUPING_LABELS: Record<Grouping, string> = { none: 'No grouping', customer: 'By customer', plan: 'By plan' };
