import { useMemo, type CSSProperties } from 'react';
import { describeClock, timeBudgetText } from '../../lib/overlay/clock-view.ts';
import { toCountdown } from '../../lib/overlay/countdown.ts';
import type { TicketEvaluation } from '../../lib/plans/evaluation-schema.ts';
import { ClockItem } from './clock-item.tsx';

/** What the strip has to show. */
export type StripContent =
  | { kind: 'loading' }
  | { kind: 'not-configured' }
  | { kind: 'problem'; message: string }
  | { kind: 'evaluated'; evaluation: TicketEvaluation };

export interface TicketStripProps {
  ticketId: string;
  content: StripContent;
  nowMs: number;
  /** The agent's IANA zone: deadlines are shown in it, the customer's on hover. */
  agentZone: string;
}

/** The configured severity colour, only when it is plainly a colour (it comes from an admin's JSON). */
function severityStyle(color: string): CSSProperties | undefined {
  return /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i.test(color) ? ({ '--severity-color': color } as CSSProperties) : undefined;
}

function Evaluated({ evaluation, nowMs, agentZone }: { evaluation: TicketEvaluation; nowMs: number; agentZone: string }) {
  // Parsed once per evaluation; each tick only re-describes.
  const clocks = useMemo(() => evaluation.clocks.map((clock) => ({ clock, countdown: toCountdown(clock, evaluation.evaluatedAt) })), [evaluation]);
  const context = { nowMs, agentZone };
  const { match, severity, eligibility, timeBudget } = evaluation;
  const issues = eligibility.issues.length > 0 || eligibility.eligible ? eligibility.issues : ['not covered by the plan'];
  return (
    <>
      <header className="strip-header">
        <span className="brand">SLA Lens</span>
        {severity && (
          <span className="severity" style={severityStyle(severity.color)} title={`Severity from ${severity.derivedFrom}`}>
            {severity.label}
          </span>
        )}
        {match.status === 'matched' ? (
          <span className="plan" title={match.reason}>
            {match.customerName} · {match.planName}
          </span>
        ) : (
          <span className="plan">No plan: {match.reason}</span>
        )}
        {evaluation.estimated && (
          <span className="estimated" title="The helpdesk did not show the whole history, so the clocks are estimates">
            ≈ estimated
          </span>
        )}
      </header>
      {issues.map((issue, index) => (
        <p className="issue" key={index}>
          <span aria-hidden="true">⚠ </span>
          <span className="sr-only">Eligibility: </span>
          {issue}
        </p>
      ))}
      {clocks.length > 0 && (
        <ul className="clocks">
          {clocks.map(({ clock, countdown }, index) => (
            <ClockItem key={`${clock.metric}-${index}`} clock={clock} view={describeClock(clock, countdown, context)} context={context} />
          ))}
        </ul>
      )}
      {timeBudget && (
        <p className="budget" data-budget={timeBudget.state}>
          {timeBudget.state === 'warning' || timeBudget.state === 'exceeded' ? <span aria-hidden="true">⚠ </span> : null}
          {timeBudgetText(timeBudget)}
        </p>
      )}
    </>
  );
}

/** The ticket view's strip: severity, plan, one countdown per clock, eligibility issues and the time budget. */
export function TicketStrip({ ticketId, content, nowMs, agentZone }: TicketStripProps) {
  return (
    <section className="strip" aria-label={`SLA Lens deadlines for ticket ${ticketId}`}>
      {content.kind === 'evaluated' && <Evaluated evaluation={content.evaluation} nowMs={nowMs} agentZone={agentZone} />}
      {content.kind === 'loading' && <p className="hint">SLA Lens: reading the ticket…</p>}
      {content.kind === 'not-configured' && <p className="hint">SLA Lens: no support plan is configured yet. Add one in the extension’s options.</p>}
      {content.kind === 'problem' && <p className="problem">SLA Lens could not read this ticket: {content.message}</p>}
    </section>
  );
}
