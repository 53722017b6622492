import { DateTime, IANAZone } from 'luxon';
import { useState } from 'react';
import { evaluateTicket } from '../../lib/plans/evaluate-ticket.ts';
import type { TicketEvaluation } from '../../lib/plans/evaluation-schema.ts';
import { parseConfig } from '../../lib/plans/parse-config.ts';
import { SchemaError, type SchemaIssue } from '../../lib/schema-error.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { parseTicket, type Ticket } from '../../lib/ticket.ts';
import { ClockCard } from './clock-card.tsx';
import { TextAreaField, TextField } from './fields.tsx';
import { IssueList } from './issue-list.tsx';
import { useEnvironment } from './options-environment.ts';
import { TicketTimelineEditor, toTicket, type SimulatedTicket } from './ticket-timeline-editor.tsx';
import { TimezonePicker } from './timezone-picker.tsx';

const LOCAL = "yyyy-MM-dd'T'HH:mm";

function initialTicket(now: DateTime, zone: string): SimulatedTicket {
  const created = now.setZone(zone).minus({ hours: 3 }).startOf('minute');
  return {
    zone,
    helpdesk: 'zendesk',
    email: '',
    organization: '',
    tags: '',
    channel: 'email',
    priority: '',
    createdAt: created.toFormat(LOCAL),
    fields: [],
    timeSpentMinutes: undefined,
    events: [
      { type: 'customer_message', at: created.toFormat(LOCAL), status: 'open', priority: '', author: '' },
      { type: 'agent_reply', at: created.plus({ minutes: 45 }).toFormat(LOCAL), status: 'open', priority: '', author: '' },
    ],
  };
}

type Outcome = { evaluation: TicketEvaluation } | { issues: readonly SchemaIssue[] } | { failure: string };

/** Ticket from the timeline or the pasted JSON, then every clock at `now`, exactly as the agent would see them. */
function simulate(ticket: () => Ticket, config: unknown, nowLocal: string, zone: string): Outcome {
  try {
    const now = IANAZone.isValidZone(zone) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(nowLocal) ? DateTime.fromISO(nowLocal, { zone }) : undefined;
    if (!now?.isValid) return { issues: [{ path: 'now', message: 'expected a date and time' }] };
    return { evaluation: evaluateTicket(ticket(), parseConfig(config), now) };
  } catch (error) {
    if (error instanceof SchemaError) return { issues: error.issues.map((issue) => ({ ...issue, path: issue.path && `${error.what}: ${issue.path}` })) };
    return { failure: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The simulator: type a ticket's timeline (or paste a Ticket JSON), pick "now", and see every clock
 * with its explanation, computed by the same evaluator the extension uses, on the draft configuration.
 */
export function Simulator() {
  const environment = useEnvironment();
  const draft = useOptionsStore((state) => state.draft);
  const invalid = useOptionsStore((state) => state.issues.length > 0);
  const [sim, setSim] = useState(() => initialTicket(environment.now, environment.zone));
  const [mode, setMode] = useState<'timeline' | 'json'>('timeline');
  const [json, setJson] = useState('');
  const [nowLocal, setNowLocal] = useState(() => environment.now.setZone(environment.zone).toFormat(LOCAL));

  const ticket = (): Ticket => {
    if (mode === 'timeline') return toTicket(sim);
    try {
      return parseTicket(JSON.parse(json));
    } catch (error) {
      if (error instanceof SyntaxError) throw new SchemaError('ticket JSON', [{ path: '', message: `not valid JSON: ${error.message}` }]);
      throw error;
    }
  };
  const outcome = invalid ? undefined : simulate(ticket, draft, nowLocal, sim.zone);
  const now = outcome && 'evaluation' in outcome ? DateTime.fromISO(outcome.evaluation.evaluatedAt, { zone: sim.zone }) : environment.now;

  return (
    <div className="simulator">
      <div className="row">
        <TimezonePicker label="Times below are in" value={sim.zone} onChange={(zone) => setSim({ ...sim, zone })} />
        <TextField label="Now" type="datetime-local" value={nowLocal} onChange={setNowLocal} />
        <button type="button" onClick={() => setNowLocal(environment.now.setZone(IANAZone.isValidZone(sim.zone) ? sim.zone : 'utc').toFormat(LOCAL))}>
          Current time
        </button>
      </div>
      <div role="radiogroup" aria-label="Ticket input" className="row">
        <label>
          <input type="radio" name="simulator-mode" checked={mode === 'timeline'} onChange={() => setMode('timeline')} /> Timeline
        </label>
        <label>
          <input type="radio" name="simulator-mode" checked={mode === 'json'} onChange={() => setMode('json')} /> Paste a Ticket JSON
        </label>
      </div>
      {mode === 'timeline' ? (
        <TicketTimelineEditor value={sim} onChange={setSim} />
      ) : (
        <TextAreaField label="Ticket JSON" value={json} rows={12} hint="A normalized Ticket, as the adapters produce (lib/ticket.ts)." onChange={setJson} />
      )}
      <section className="simulation" aria-label="Clocks" aria-live="polite">
        {invalid && <p className="muted">Fix the problems in the configuration first.</p>}
        {outcome && 'issues' in outcome && <IssueList issues={outcome.issues} label="Problems in the ticket" />}
        {outcome && 'failure' in outcome && <p className="field-error">The evaluation failed: {outcome.failure}</p>}
        {outcome && 'evaluation' in outcome && <EvaluationView evaluation={outcome.evaluation} now={now} zone={sim.zone} />}
      </section>
    </div>
  );
}

function EvaluationView({ evaluation, now, zone }: { evaluation: TicketEvaluation; now: DateTime; zone: string }) {
  const { match, severity, eligibility, timeBudget } = evaluation;
  return (
    <>
      <p>
        {match.status === 'matched' ? (
          <>
            <strong>{match.customerName}</strong> on <strong>{match.planName}</strong>
            {match.planVersionFrom === undefined ? '' : ` (terms from ${match.planVersionFrom})`} — {match.reason}
          </>
        ) : (
          <>
            <strong>No plan</strong> — {match.reason}
          </>
        )}
      </p>
      {severity && (
        <p>
          Severity <strong>{severity.label}</strong> ({severity.derivedFrom})
        </p>
      )}
      {match.status === 'matched' && <p>{eligibility.eligible ? 'Covered by the plan.' : `Not covered: ${eligibility.issues.join('; ')}.`}</p>}
      {timeBudget && (
        <p>
          {timeBudget.label}: {timeBudget.usedMinutes === null ? 'time spent unknown' : `${timeBudget.usedMinutes} of ${timeBudget.budgetMinutes} minutes used`} ({timeBudget.state})
        </p>
      )}
      {evaluation.clocks.length === 0 && match.status === 'matched' && <p className="muted">No clocks apply to this ticket.</p>}
      {evaluation.clocks.map((clock) => (
        <ClockCard key={clock.metric} clock={clock} now={now} zone={zone} />
      ))}
    </>
  );
}
