import type { DateTime } from 'luxon';
import { formatMinutes } from '../../lib/format/duration.ts';
import { formatInstant } from '../../lib/format/instant.ts';
import type { Clock } from '../../lib/plans/evaluation-schema.ts';

const STATE_LABELS: Record<Clock['state'], string> = {
  pending_start: 'not started',
  running: 'running',
  paused: 'paused',
  met: 'met',
  breached: 'breached',
  met_late: 'met late',
};

/** One clock as the agent sees it, with everything that went into it ("why this number"). */
export function ClockCard({ clock, now, zone }: { clock: Clock; now: DateTime; zone: string }) {
  const at = (iso: string): string => formatInstant(iso, zone, now.toMillis());
  const { explanation } = clock;
  return (
    <article className={`clock clock-${clock.warning}`} aria-label={`${clock.label}: ${STATE_LABELS[clock.state]}`}>
      <h4>
        {clock.label} — {STATE_LABELS[clock.state]}
        {clock.binding ? '' : ' (non-binding)'}
        {clock.exact ? '' : ' (estimate)'}
      </h4>
      <dl className="clock-facts">
        {clock.deadline !== null && (
          <>
            <dt>Deadline</dt>
            <dd>
              {at(clock.deadline)} ({zone})
              {clock.zone === zone ? '' : `, ${formatInstant(clock.deadline, clock.zone, now.toMillis())} in ${clock.zone}`}
            </dd>
          </>
        )}
        {clock.remainingMinutes !== null && (
          <>
            <dt>{clock.remainingMinutes < 0 ? 'Overdue by' : 'Left'}</dt>
            <dd>{formatMinutes(Math.abs(clock.remainingMinutes))} of business time</dd>
          </>
        )}
        <dt>Elapsed</dt>
        <dd>
          {formatMinutes(clock.elapsedMinutes)} of {formatMinutes(clock.targetMinutes)} ({Math.round(clock.percentElapsed)} %)
        </dd>
        {clock.warning !== 'none' && (
          <>
            <dt>Warning</dt>
            <dd>{clock.warning}</dd>
          </>
        )}
        {clock.pausedBecause !== undefined && (
          <>
            <dt>Paused because</dt>
            <dd>{clock.pausedBecause}</dd>
          </>
        )}
        {clock.metAt !== null && (
          <>
            <dt>Met at</dt>
            <dd>{at(clock.metAt)}</dd>
          </>
        )}
        {clock.average && (
          <>
            <dt>Average so far</dt>
            <dd>
              {clock.average.achievedMinutes === null ? 'no responses yet' : formatMinutes(clock.average.achievedMinutes)} over {clock.average.responses} response
              {clock.average.responses === 1 ? '' : 's'}
              {clock.average.budgetMinutes === null ? '' : `; the next reply may take ${formatMinutes(clock.average.budgetMinutes)}`}
            </dd>
          </>
        )}
        {clock.nextChangeAt !== null && (
          <>
            <dt>Next change</dt>
            <dd>{at(clock.nextChangeAt)}</dd>
          </>
        )}
      </dl>
      <details>
        <summary>Why</summary>
        <p>{explanation.summary}</p>
        <ul>
          <li>
            Calendar: {explanation.calendar.name} ({explanation.calendar.zones.join(', ')})
          </li>
          <li>
            Target: {explanation.target.text} — {explanation.target.source}
          </li>
          <li>
            Start: {explanation.start.at === null ? 'not yet' : at(explanation.start.at)} — {explanation.start.reason}
          </li>
          {explanation.pauses.map((pause, i) => (
            <li key={`pause-${i}`}>
              Paused ({pause.status}) from {at(pause.from)} {pause.to === null ? 'until now' : `to ${at(pause.to)}`}
            </li>
          ))}
          {explanation.holidays.map((holiday, i) => (
            <li key={`holiday-${i}`}>
              Holiday {holiday.date}
              {holiday.name === undefined ? '' : ` (${holiday.name})`} in {holiday.zone}
            </li>
          ))}
          {explanation.dstShifts.map((shift, i) => (
            <li key={`dst-${i}`}>
              Clock change in {shift.zone} at {at(shift.at)}: UTC{shift.offsetBeforeMinutes >= 0 ? '+' : '−'}
              {formatMinutes(Math.abs(shift.offsetBeforeMinutes))} → UTC{shift.offsetAfterMinutes >= 0 ? '+' : '−'}
              {formatMinutes(Math.abs(shift.offsetAfterMinutes))}
            </li>
          ))}
          {explanation.notes.map((note, i) => (
            <li key={`note-${i}`}>{note}</li>
          ))}
        </ul>
        {clock.cycles && clock.cycles.length > 0 && (
          <table>
            <caption>Response cycles</caption>
            <thead>
              <tr>
                <th scope="col">Asked</th>
                <th scope="col">Replied</th>
                <th scope="col">Business time</th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {clock.cycles.map((cycle, i) => (
                <tr key={i}>
                  <td>{at(cycle.askedAt)}</td>
                  <td>{cycle.repliedAt === null ? 'waiting' : at(cycle.repliedAt)}</td>
                  <td>{formatMinutes(cycle.businessMinutes)}</td>
                  <td>{cycle.met === null ? 'open' : cycle.met ? 'met' : 'missed'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </article>
  );
}
