import { IANAZone } from 'luxon';
import { DAY_MS, MINUTE_MS } from './civil-days.ts';

/** A change of a zone's UTC offset (a DST shift, or a change of standard time). */
export interface OffsetTransition {
  atMs: number;
  offsetBeforeMinutes: number;
  offsetAfterMinutes: number;
}

/** Offsets are sampled once a day; no zone in tzdata changes offset twice within 24 hours. */
const SCAN_STEP_MS = DAY_MS;
const YEAR_MS = 365.25 * DAY_MS;

/**
 * The UTC offsets of one IANA zone as constant-offset periods, computed lazily from Luxon (ICU
 * tzdata) a few years at a time and then read with integer arithmetic only. Period `i` is
 * `[periodStartMs(i), periodEndMs(i))` with offset `offsetMs(i)`; the first period begins and the
 * last ends at the covered range, which grows on demand ({@link ensureCovered}).
 */
export class ZoneOffsetTimeline {
  private readonly zone: IANAZone;
  /** starts[0] is the covered start; starts[i > 0] are real transitions. */
  private starts: number[] = [];
  private offsets: number[] = [];
  private coveredFromMs = 0;
  private coveredToMs = 0;

  constructor(readonly zoneName: string) {
    this.zone = IANAZone.create(zoneName);
    if (!this.zone.isValid) throw new RangeError(`unknown time zone ${JSON.stringify(zoneName)}`);
  }

  /** Makes sure `[fromMs, toMs]` is covered, growing the covered range by whole years with margin. */
  ensureCovered(fromMs: number, toMs: number = fromMs): void {
    if (this.starts.length > 0 && fromMs >= this.coveredFromMs && toMs < this.coveredToMs) return;
    if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('instant out of range');
    if (this.starts.length === 0) {
      const from = fromMs - YEAR_MS;
      const to = toMs + 2 * YEAR_MS;
      this.coveredFromMs = from;
      this.coveredToMs = from;
      this.starts = [from];
      this.offsets = [this.offsetAt(from)];
      this.extendForward(to);
      return;
    }
    if (fromMs < this.coveredFromMs) this.extendBackward(fromMs - YEAR_MS);
    if (toMs >= this.coveredToMs) this.extendForward(toMs + 2 * YEAR_MS);
  }

  /** Index of the period containing `utcMs` (which must be covered). */
  periodIndex(utcMs: number): number {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= utcMs) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  periodStartMs(index: number): number {
    return this.starts[index] as number;
  }

  /** End of period `index`: the next transition, or the end of the covered range. */
  periodEndMs(index: number): number {
    return this.starts[index + 1] ?? this.coveredToMs;
  }

  offsetMs(index: number): number {
    return this.offsets[index] as number;
  }

  /** UTC offset at `utcMs` in milliseconds (covers the instant first). */
  offsetMsAt(utcMs: number): number {
    this.ensureCovered(utcMs);
    return this.offsets[this.periodIndex(utcMs)] as number;
  }

  /** Transitions at instants in `(fromMs, toMs]`. */
  transitionsBetween(fromMs: number, toMs: number): OffsetTransition[] {
    this.ensureCovered(fromMs, toMs);
    const out: OffsetTransition[] = [];
    for (let i = this.periodIndex(fromMs) + 1; i < this.starts.length && (this.starts[i] as number) <= toMs; i++) {
      out.push({
        atMs: this.starts[i] as number,
        offsetBeforeMinutes: (this.offsets[i - 1] as number) / MINUTE_MS,
        offsetAfterMinutes: (this.offsets[i] as number) / MINUTE_MS,
      });
    }
    return out;
  }

  private offsetAt(utcMs: number): number {
    return this.zone.offset(utcMs) * MINUTE_MS;
  }

  private scan(fromMs: number, toMs: number, startOffset: number): { starts: number[]; offsets: number[] } {
    const starts: number[] = [];
    const offsets: number[] = [];
    let previousMs = fromMs;
    let previousOffset = startOffset;
    while (previousMs < toMs) {
      const probeMs = Math.min(previousMs + SCAN_STEP_MS, toMs);
      const probeOffset = this.offsetAt(probeMs);
      if (probeOffset !== previousOffset) {
        // Binary search for the first millisecond with the new offset.
        let low = previousMs;
        let high = probeMs;
        while (high - low > 1) {
          const mid = Math.floor((low + high) / 2);
          if (this.offsetAt(mid) === previousOffset) low = mid;
          else high = mid;
        }
        starts.push(high);
        offsets.push(this.offsetAt(high));
        previousOffset = this.offsetAt(high);
        // The new period may itself end within this step; rescan from the transition.
        previousMs = high;
        continue;
      }
      previousMs = probeMs;
    }
    return { starts, offsets };
  }

  private extendForward(toMs: number): void {
    const lastOffset = this.offsets[this.offsets.length - 1] as number;
    const found = this.scan(this.coveredToMs, toMs, lastOffset);
    this.starts.push(...found.starts);
    this.offsets.push(...found.offsets);
    this.coveredToMs = toMs;
  }

  private extendBackward(fromMs: number): void {
    const firstOffset = this.offsetAt(fromMs);
    // The scan ends on the old covered start's offset, so the old first period merges into the last found one.
    const found = this.scan(fromMs, this.coveredFromMs, firstOffset);
    this.starts = [fromMs, ...found.starts, ...this.starts.slice(1)];
    this.offsets = [firstOffset, ...found.offsets, ...this.offsets.slice(1)];
    this.coveredFromMs = fromMs;
  }
}

const timelines = new Map<string, ZoneOffsetTimeline>();

/**
 * The shared offset timeline of a zone (memoised: offsets are a pure function of the zone name and
 * the runtime's tzdata, so every calendar in that zone reuses the same transitions).
 *
 * @example
 * zoneOffsetTimeline('Europe/London').offsetMsAt(Date.UTC(2026, 6, 1)) // => 3_600_000
 */
export function zoneOffsetTimeline(zoneName: string): ZoneOffsetTimeline {
  let timeline = timelines.get(zoneName);
  if (!timeline) {
    timeline = new ZoneOffsetTimeline(zoneName);
    timelines.set(zoneName, timeline);
  }
  return timeline;
}
