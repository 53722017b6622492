import { formatInstant } from '../format/instant.ts';
import type { Clock } from '../plans/evaluation-schema.ts';
import type { ViewContext } from './clock-view.ts';

/** "Why this number", in lines people can check against the contract. */
export interface ExplanationView {
  summary: string;
  /** The deadline in the agent's zone and the clock's zone; null without a deadline. */
  deadline: string | null;
  target: string;
  calendar: string;
  start: string;
  pauses: string[];
  holidays: string[];
  dstShifts: string[];
  notes: string[];
}

/**
 * A UTC offset in minutes as people write it.
 *
 * @example
 * formatUtcOffset(60) // => 'UTC+1'
 * formatUtcOffset(345) // => 'UTC+5:45'
 * formatUtcOffset(-210) // => 'UTC−3:30'
 * formatUtcOffset(0) // => 'UTC'
 */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const magnitude = Math.abs(minutes);
  const hours = Math.floor(magnitude / 60);
  const rest = magnitude % 60;
  return `UTC${minutes < 0 ? '−' : '+'}${hours}${rest === 0 ? '' : `:${String(rest).padStart(2, '0')}`}`;
}

/**
 * The explanation of a clock in words: calendar and zones, target and where it came from, start
 * reason, pauses, holidays and DST shifts crossed, and the evaluator's notes. Instants are shown in
 * the agent's zone, with the clock's zone where the contract counts in it.
 *
 * @example
 * describeExplanation(clock, { nowMs, agentZone: 'Europe/Berlin' }).calendar
 * // => 'Priority Support 24x5 (Australia/Sydney, Europe/London, America/Los_Angeles)'
 */
export function describeExplanation(clock: Clock, { nowMs, agentZone }: ViewContext): ExplanationView {
  const mine = (iso: string) => formatInstant(iso, agentZone, nowMs);
  const both = (iso: string) => `${mine(iso)} your time (${agentZone}), ${formatInstant(iso, clock.zone, nowMs)} customer time (${clock.zone})`;
  const { summary, calendar, target, start, pauses, holidays, dstShifts, notes } = clock.explanation;
  return {
    summary,
    deadline: clock.deadline ? both(clock.deadline) : null,
    target: `${target.text} (${target.source})`,
    calendar: calendar.zones.length > 0 ? `${calendar.name} (${calendar.zones.join(', ')})` : calendar.name,
    start: start.at ? `${both(start.at)}: ${start.reason}` : `not started: ${start.reason}`,
    pauses: pauses.map((pause) => `${mine(pause.from)} – ${pause.to ? mine(pause.to) : 'now'}: ${pause.status}`),
    holidays: holidays.map((holiday) => `${holiday.date}${holiday.name ? ` ${holiday.name}` : ''} (${holiday.zone})`),
    dstShifts: dstShifts.map(
      (shift) => `${formatInstant(shift.at, shift.zone, nowMs)} in ${shift.zone}: ${formatUtcOffset(shift.offsetBeforeMinutes)} → ${formatUtcOffset(shift.offsetAfterMinutes)}`,
    ),
    notes,
  };
}
