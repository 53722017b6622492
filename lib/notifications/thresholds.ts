import { z } from 'zod';
import type { Clock } from '../plans/index.ts';

/** When the agent wants to hear about a clock: at a share of its target used, at minutes left, or at the breach. */
export const thresholdSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('percent'), percent: z.number().min(1).max(99) }),
  z.strictObject({ kind: z.literal('minutes_left'), minutes: z.number().positive().max(100_000) }),
  z.strictObject({ kind: z.literal('breached') }),
]);
export type Threshold = z.output<typeof thresholdSchema>;

/** 50 %, 75 %, 15 minutes left, breached. */
export const DEFAULT_THRESHOLDS: readonly Threshold[] = [
  { kind: 'percent', percent: 50 },
  { kind: 'percent', percent: 75 },
  { kind: 'minutes_left', minutes: 15 },
  { kind: 'breached' },
];

/**
 * A stable id of a threshold, for de-duplication.
 *
 * @example
 * thresholdId({ kind: 'percent', percent: 75 }) // => 'percent-75'
 * thresholdId({ kind: 'minutes_left', minutes: 15 }) // => 'left-15'
 */
export function thresholdId(threshold: Threshold): string {
  switch (threshold.kind) {
    case 'percent':
      return `percent-${threshold.percent}`;
    case 'minutes_left':
      return `left-${threshold.minutes}`;
    case 'breached':
      return 'breached';
  }
}

/**
 * How a threshold reads in a notification.
 *
 * @example
 * thresholdLabel({ kind: 'percent', percent: 75 }) // => '75 % used'
 */
export function thresholdLabel(threshold: Threshold): string {
  switch (threshold.kind) {
    case 'percent':
      return `${threshold.percent} % used`;
    case 'minutes_left':
      return `${threshold.minutes} min left`;
    case 'breached':
      return 'Breached';
  }
}

/**
 * Business minutes left on the clock at the moment the threshold is crossed: the smaller, the more
 * urgent (a breach is 0).
 *
 * @example
 * minutesLeftAt({ kind: 'percent', percent: 75 }, { ...clock, targetMinutes: 60 }) // => 15
 */
export function minutesLeftAt(threshold: Threshold, clock: Clock): number {
  switch (threshold.kind) {
    case 'percent':
      return (clock.targetMinutes * (100 - threshold.percent)) / 100;
    case 'minutes_left':
      return threshold.minutes;
    case 'breached':
      return 0;
  }
}

/**
 * Has the clock crossed the threshold?
 *
 * @example
 * isCrossed({ ...clock, percentElapsed: 80 }, { kind: 'percent', percent: 75 }) // => true
 */
export function isCrossed(clock: Clock, threshold: Threshold): boolean {
  switch (threshold.kind) {
    case 'percent':
      return clock.percentElapsed >= threshold.percent;
    case 'minutes_left':
      return clock.remainingMinutes !== null && clock.remainingMinutes <= threshold.minutes;
    case 'breached':
      return clock.warning === 'breached' || clock.state === 'breached';
  }
}

/**
 * Clocks worth a notification: binding ones still counting (running, or running over as breached).
 * Paused, pending and met clocks wait silently.
 *
 * @example
 * isNotifiable({ ...clock, binding: true, state: 'running' }) // => true
 */
export function isNotifiable(clock: Clock): boolean {
  return clock.binding && (clock.state === 'running' || clock.state === 'breached');
}

/**
 * Identifies one run of a clock on a ticket: a new response cycle starts a new clock, which may notify again.
 *
 * @example
 * clockRunId({ ...clock, metric: 'next_response', start: '2026-11-23T09:00:00Z' }) // => 'next_response|2026-11-23T09:00:00Z'
 */
export function clockRunId(clock: Pick<Clock, 'metric' | 'start'>): string {
  return `${clock.metric}|${clock.start ?? '-'}`;
}
