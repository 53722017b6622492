import type { Ticket } from '../ticket.ts';
import type { Config, PlanVersion, Severity, SeverityMapping } from './config-schema.ts';
import type { TicketTimeline } from './ticket-timeline.ts';

/** A ticket's severity now, how it was derived, and when it changed (for the plan's severity-change policy). */
export interface DerivedSeverity {
  current: Severity;
  derivedFrom: string;
  /** Severity from each instant on (first entry at creation), from the helpdesk's priority changes. */
  history: { fromMs: number; severity: Severity }[];
}

/**
 * Each mapping's values keyed by their normalised spelling (the first spelling wins, as a scan in
 * order would). Configurations are immutable values, so this is built once per mapping, not per ticket.
 */
const normalisedValues = new WeakMap<SeverityMapping, Map<string, string>>();

function lookup(mapping: SeverityMapping, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let values = normalisedValues.get(mapping);
  if (!values) {
    values = new Map();
    for (const [key, severity] of Object.entries(mapping.values)) {
      const normalised = key.trim().toLowerCase();
      if (!values.has(normalised)) values.set(normalised, severity);
    }
    normalisedValues.set(mapping, values);
  }
  return values.get(value.trim().toLowerCase());
}

/** A version's severities by id (per immutable plan version, not per ticket). */
const severitiesById = new WeakMap<PlanVersion, Map<string, Severity>>();

function severityIndex(version: PlanVersion): Map<string, Severity> {
  let byId = severitiesById.get(version);
  if (!byId) {
    byId = new Map(version.severities.map((severity) => [severity.id, severity]));
    severitiesById.set(version, byId);
  }
  return byId;
}

/** The mappings that apply to one helpdesk and plan, plan-specific first (per immutable config, not per ticket). */
const applicableMappings = new WeakMap<Config, Map<string, SeverityMapping[]>>();

function mappingsFor(config: Config, helpdesk: Ticket['helpdesk'], planId: string): SeverityMapping[] {
  let byKey = applicableMappings.get(config);
  if (!byKey) {
    byKey = new Map();
    applicableMappings.set(config, byKey);
  }
  // Helpdesk ids contain no newline, so the key is unambiguous.
  const key = `${helpdesk}\n${planId}`;
  let mappings = byKey.get(key);
  if (!mappings) {
    mappings = config.severityMappings
      .filter((mapping) => mapping.helpdesk === helpdesk && (mapping.plan === undefined || mapping.plan === planId))
      .sort((a, b) => Number(b.plan !== undefined) - Number(a.plan !== undefined));
    byKey.set(key, mappings);
  }
  return mappings;
}

const helpdeskNames: Record<Ticket['helpdesk'], string> = {
  zendesk: 'Zendesk',
  freshdesk: 'Freshdesk',
  'jira-service-management': 'Jira Service Management',
  zammad: 'Zammad',
  znuny: 'Znuny',
  'request-tracker': 'Request Tracker',
  generic: 'the helpdesk',
};

/**
 * Maps the helpdesk's own priority (or a field, or a tag) to one of the plan's severities, using the
 * first matching severity mapping (plan-specific mappings before general ones); falls back to the
 * plan's default severity and says so. Priority changes in the history give the severity timeline;
 * before the first recorded change the earliest known priority is assumed.
 *
 * @example
 * deriveSeverity(ticket, timeline, config, 'neptune-basic', version).derivedFrom // => 'priority "urgent" in Zendesk'
 */
export function deriveSeverity(ticket: Ticket, timeline: TicketTimeline, config: Config, planId: string, version: PlanVersion): DerivedSeverity {
  const byId = severityIndex(version);
  const fallback = byId.get(version.defaultSeverity) ?? version.severities[0]!;
  const mappings = mappingsFor(config, ticket.helpdesk, planId);
  const where = helpdeskNames[ticket.helpdesk];
  for (const mapping of mappings) {
    if (mapping.source.kind === 'priority') {
      const current = byId.get(lookup(mapping, ticket.priority) ?? '');
      if (!current) continue;
      const history: DerivedSeverity['history'] = [];
      for (const change of timeline.priorityChanges) {
        const severity = byId.get(lookup(mapping, change.priority) ?? '');
        if (!severity) continue;
        const last = history[history.length - 1];
        if (!last) history.push({ fromMs: timeline.createdMs, severity });
        else if (last.severity.id !== severity.id) history.push({ fromMs: change.atMs, severity });
      }
      const last = history[history.length - 1];
      if (!last) history.push({ fromMs: timeline.createdMs, severity: current });
      else if (last.severity.id !== current.id) history.push({ fromMs: Math.max(last.fromMs, timeline.createdMs), severity: current });
      return { current, derivedFrom: `priority "${ticket.priority ?? ''}" in ${where}`, history };
    }
    if (mapping.source.kind === 'field') {
      const value = ticket.fields?.[mapping.source.field];
      const current = byId.get(lookup(mapping, value) ?? '');
      if (current) return { current, derivedFrom: `field ${mapping.source.field} = "${value ?? ''}" in ${where}`, history: [{ fromMs: timeline.createdMs, severity: current }] };
      continue;
    }
    const tag = ticket.tags.find((candidate) => lookup(mapping, candidate) !== undefined);
    const current = byId.get(lookup(mapping, tag) ?? '');
    if (current) return { current, derivedFrom: `tag "${tag ?? ''}" in ${where}`, history: [{ fromMs: timeline.createdMs, severity: current }] };
  }
  const why = ticket.priority === undefined ? 'no priority' : `no mapping for priority "${ticket.priority}" in ${where}`;
  return { current: fallback, derivedFrom: `the plan's default severity (${why})`, history: [{ fromMs: timeline.createdMs, severity: fallback }] };
}

/**
 * The severity in force at an instant.
 *
 * @example
 * severityAt(derived, Date.parse('2026-11-23T10:00Z')).id // => 'high'
 */
export function severityAt(derived: DerivedSeverity, atMs: number): Severity {
  let severity = (derived.history[0] as DerivedSeverity['history'][number]).severity;
  for (const step of derived.history) {
    if (step.fromMs > atMs) break;
    severity = step.severity;
  }
  return severity;
}
