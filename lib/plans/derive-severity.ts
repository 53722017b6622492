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

function lookup(mapping: SeverityMapping, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const wanted = value.trim().toLowerCase();
  for (const [key, severity] of Object.entries(mapping.values)) if (key.trim().toLowerCase() === wanted) return severity;
  return undefined;
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
  const byId = new Map(version.severities.map((severity) => [severity.id, severity]));
  const fallback = byId.get(version.defaultSeverity) ?? version.severities[0]!;
  const mappings = config.severityMappings
    .filter((mapping) => mapping.helpdesk === ticket.helpdesk && (mapping.plan === undefined || mapping.plan === planId))
    .sort((a, b) => Number(b.plan !== undefined) - Number(a.plan !== undefined));
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
