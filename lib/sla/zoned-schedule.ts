import { DAY_MS } from './civil-days.ts';
import type { ZonedCalendarSpec } from './calendar-spec.ts';
import { LocalSchedule } from './local-schedule.ts';
import { zoneOffsetTimeline, type ZoneOffsetTimeline } from './zone-offsets.ts';

/** How far ahead a search for business time goes before it concludes there is none. */
const HORIZON_MS = 100 * 366 * DAY_MS;
/**
 * Windows are cut at this length: around-the-clock calendars would otherwise merge into one window
 * decades long. A window that ends at the cap may go on; callers walk windows until they are done.
 */
export const MAX_WINDOW_MS = 7 * DAY_MS;
/** Offsets never exceed ±14 h, so local dates within a day of the UTC date are enough margin. */
const OFFSET_MARGIN_DAYS = 2;

export class NoBusinessTimeError extends RangeError {
  override readonly name = 'NoBusinessTimeError';
}

/** A UTC business window `[startMs, endMs)`. */
export interface BusinessWindow {
  startMs: number;
  endMs: number;
}

/**
 * One regional calendar on the UTC timeline. The zone's offsets split time into constant-offset
 * periods; within one period local time is UTC plus a constant, so business time is a difference of
 * the local schedule's cumulative function. That is how the normative membership rule falls out: a
 * skipped spring-forward hour belongs to no period, a repeated fall-back hour is read once in each.
 */
export class ZonedSchedule {
  readonly zone: string;
  readonly local: LocalSchedule;
  readonly offsets: ZoneOffsetTimeline;

  constructor(spec: ZonedCalendarSpec) {
    this.zone = spec.timezone;
    this.local = new LocalSchedule(spec);
    this.offsets = zoneOffsetTimeline(spec.timezone);
  }

  /** Has any business time at all in its weekly pattern. */
  get hasWeeklyHours(): boolean {
    return this.local.weekCapacityMs > 0;
  }

  private cover(fromMs: number, toMs: number): void {
    this.offsets.ensureCovered(fromMs, toMs);
    this.local.ensureCovered(Math.floor(fromMs / DAY_MS) - OFFSET_MARGIN_DAYS, Math.floor(toMs / DAY_MS) + OFFSET_MARGIN_DAYS);
  }

  /** Business ms in `[fromMs, toMs)`, for `fromMs <= toMs`. */
  businessMsBetween(fromMs: number, toMs: number): number {
    this.cover(fromMs, toMs);
    const offsets = this.offsets;
    const local = this.local;
    let total = 0;
    let cursor = fromMs;
    while (cursor < toMs) {
      const i = offsets.periodIndex(cursor);
      const offset = offsets.offsetMs(i);
      const end = Math.min(offsets.periodEndMs(i), toMs);
      total += local.businessBefore(end + offset) - local.businessBefore(cursor + offset);
      cursor = end;
    }
    return total;
  }

  /** Earliest instant T >= startMs with `businessMsBetween(startMs, T) === amountMs` (amountMs >= 0). */
  addBusinessMs(startMs: number, amountMs: number): number {
    if (amountMs === 0) return startMs;
    if (!this.hasWeeklyHours) throw new NoBusinessTimeError(`calendar in ${this.zone} has no business hours`);
    this.cover(startMs, startMs);
    const offsets = this.offsets;
    const local = this.local;
    let remaining = amountMs;
    let cursor = startMs;
    for (;;) {
      if (cursor - startMs > HORIZON_MS) throw this.beyondHorizon(startMs);
      const i = offsets.periodIndex(cursor);
      const offset = offsets.offsetMs(i);
      const localStart = cursor + offset;
      const target = local.businessBefore(localStart) + remaining;
      let localEnd = local.earliestWithBusinessBefore(target);
      while (localEnd === undefined) {
        // Covered past the horizon and still short: the answer is beyond it.
        if (local.coveredToLocalMs - offset - startMs > HORIZON_MS) throw this.beyondHorizon(startMs);
        this.cover(startMs, local.coveredToLocalMs - offset + 366 * DAY_MS);
        localEnd = local.earliestWithBusinessBefore(target);
      }
      const endMs = Math.max(localEnd, localStart) - offset;
      // Judged by the answer, not by how far earlier calls happened to cover: the same question must
      // get the same answer (or error) whatever was asked before.
      if (endMs - startMs > HORIZON_MS) throw this.beyondHorizon(startMs);
      // The answer only holds if the offset did not change before it; extend offsets that far first.
      offsets.ensureCovered(startMs, endMs);
      const periodEnd = offsets.periodEndMs(i);
      if (endMs <= periodEnd) return endMs;
      this.cover(startMs, periodEnd);
      remaining -= local.businessBefore(periodEnd + offset) - local.businessBefore(localStart);
      cursor = periodEnd;
    }
  }

  private beyondHorizon(startMs: number): NoBusinessTimeError {
    return new NoBusinessTimeError(`no business time within 100 years of ${new Date(startMs).toISOString()} in ${this.zone}`);
  }

  isBusinessTime(utcMs: number): boolean {
    this.cover(utcMs, utcMs);
    return this.local.isOpenAt(utcMs + this.offsets.offsetMsAt(utcMs));
  }

  /**
   * The business window containing `utcMs`, or the next one, merged across period boundaries and
   * cut at `maxLengthMs` (at most {@link MAX_WINDOW_MS}); `undefined` when there is none within the horizon.
   */
  nextWindow(utcMs: number, maxLengthMs: number = MAX_WINDOW_MS): BusinessWindow | undefined {
    const cap = Math.min(Math.max(maxLengthMs, 1), MAX_WINDOW_MS);
    if (!this.hasWeeklyHours) return undefined;
    let window: BusinessWindow | undefined;
    let cursor = utcMs;
    while (cursor - utcMs <= HORIZON_MS) {
      this.cover(cursor, cursor + 8 * DAY_MS);
      const i = this.offsets.periodIndex(cursor);
      const offset = this.offsets.offsetMs(i);
      const periodEnd = this.offsets.periodEndMs(i);
      const range = this.local.nextOpenRange(cursor + offset, (window ? window.startMs : cursor) + offset + cap);
      if (range === undefined) {
        if (window) return window;
        cursor = Math.min(periodEnd, this.local.coveredToLocalMs - offset);
        continue;
      }
      const startMs = range[0] - offset;
      if (window) {
        // Continue only if business time resumes exactly where the window stopped.
        if (startMs !== window.endMs) return window;
      } else if (startMs >= periodEnd) {
        cursor = periodEnd;
        continue;
      } else {
        window = { startMs, endMs: startMs };
      }
      window.endMs = Math.min(range[1] - offset, periodEnd, window.startMs + cap);
      if (window.endMs === window.startMs + cap) return window;
      // A window cut by a period boundary or by the end of covered dates may go on: look again from its end.
      if (window.endMs < periodEnd && range[1] < this.local.coveredToLocalMs) return window;
      cursor = window.endMs;
    }
    return window;
  }
}
