import { WEEK_MS } from './civil-days.ts';
import { MAX_WINDOW_MS, NoBusinessTimeError, type BusinessWindow, type ZonedSchedule } from './zoned-schedule.ts';

/**
 * Blocks are UTC weeks counted from the epoch (any fixed grid works; a week holds a whole weekly
 * pattern, so a block costs each member about one window per business day).
 */
const BLOCK_MS = WEEK_MS;
/** Consecutive empty blocks after which a search hands over to the member-by-member walk (far-off or no business time). */
const MAX_EMPTY_BLOCKS = 8;
/** Blocks kept per calendar (about 20 years); the cache starts over when it is full. */
const BLOCK_CACHE_LIMIT = 1_024;

/**
 * Follow-the-sun business time on the UTC timeline: a moment is business time when any member's
 * schedule says so. Asking every member for its next window and extending while one of them goes
 * on costs several member windows per answer (the unit that does not merge cheaply is the union
 * itself), and an evaluation asks hundreds of thousands of such questions about the same few weeks.
 * So the union's merged business intervals are computed once per UTC week (from the members'
 * windows, hence the same set of instants) and memoised: the calendar is immutable, the answers are
 * pure functions of it. Non-integer instants, lengths under 1 ms and searches that find nothing
 * within {@link MAX_EMPTY_BLOCKS} weeks take the member-by-member walk, which is the definition.
 *
 * @example
 * // London 09:00–17:00 (09:00–17:00Z in November) and New York 09:00–17:00 (14:00–22:00Z)
 * const union = new UnionSchedule(createCalendar({ union: [london, newYork] }).members);
 * union.nextWindow(Date.parse('2026-11-23T16:30:00Z')) // => { startMs: Date.parse('2026-11-23T16:30:00Z'), endMs: Date.parse('2026-11-23T22:00:00Z') }
 * union.businessMsBetween(Date.parse('2026-11-23T08:00:00Z'), Date.parse('2026-11-23T23:00:00Z')) // => 46_800_000 (13 h)
 */
export class UnionSchedule {
  /** Merged intervals of each block as [start0, end0, start1, end1, …], clipped to the block; touching intervals merged. */
  private readonly blocks = new Map<number, number[]>();

  constructor(readonly members: readonly ZonedSchedule[]) {}

  private block(index: number): number[] {
    const cached = this.blocks.get(index);
    if (cached) return cached;
    const blockStart = index * BLOCK_MS;
    const blockEnd = blockStart + BLOCK_MS;
    const intervals: [number, number][] = [];
    for (const member of this.members) {
      let cursor = blockStart;
      while (cursor < blockEnd) {
        const window = member.nextWindow(cursor, MAX_WINDOW_MS);
        if (!window || window.startMs >= blockEnd || window.endMs <= cursor) break;
        intervals.push([window.startMs, Math.min(window.endMs, blockEnd)]);
        cursor = window.endMs;
      }
    }
    intervals.sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [start, end] of intervals) {
      const last = flat.length - 1;
      if (last > 0 && start <= (flat[last] as number)) flat[last] = Math.max(flat[last] as number, end);
      else flat.push(start, end);
    }
    if (this.blocks.size >= BLOCK_CACHE_LIMIT) this.blocks.clear();
    this.blocks.set(index, flat);
    return flat;
  }

  /** End of the business run through interval `k` of block `index`, followed into later blocks while it goes on, cut at `limitMs`. */
  private runEnd(index: number, k: number, limitMs: number): number {
    let end = this.block(index)[k + 1] as number;
    for (let next = index + 1; end < limitMs && end === next * BLOCK_MS; next++) {
      const flat = this.block(next);
      if (flat[0] !== end) break;
      end = flat[1] as number;
    }
    return Math.min(end, limitMs);
  }

  /**
   * The business window containing `utcMs`, or the next one: the earliest member window, extended
   * while any member's business time continues at its end, cut at `maxLengthMs` (at most a week).
   */
  nextWindow(utcMs: number, maxLengthMs: number = MAX_WINDOW_MS): BusinessWindow | undefined {
    if (!Number.isInteger(utcMs) || !(maxLengthMs >= 1)) return this.walkNextWindow(utcMs, maxLengthMs);
    const cap = Math.min(maxLengthMs, MAX_WINDOW_MS);
    for (let index = Math.floor(utcMs / BLOCK_MS), empty = 0; empty < MAX_EMPTY_BLOCKS; index++) {
      const flat = this.block(index);
      for (let k = 0; k < flat.length; k += 2) {
        if ((flat[k + 1] as number) <= utcMs) continue;
        const startMs = Math.max(flat[k] as number, utcMs);
        return { startMs, endMs: this.runEnd(index, k, startMs + cap) };
      }
      empty = flat.length === 0 ? empty + 1 : 0;
    }
    return this.walkNextWindow(utcMs, maxLengthMs);
  }

  /** Business ms in `[fromMs, toMs)`, for `fromMs <= toMs`. */
  businessMsBetween(fromMs: number, toMs: number): number {
    if (!(toMs > fromMs)) return 0;
    if (!Number.isInteger(fromMs) || !Number.isInteger(toMs)) return this.walkBusinessMsBetween(fromMs, toMs);
    let total = 0;
    let empty = 0;
    for (let index = Math.floor(fromMs / BLOCK_MS); index * BLOCK_MS < toMs; index++) {
      if (empty >= MAX_EMPTY_BLOCKS) return total + this.walkBusinessMsBetween(index * BLOCK_MS, toMs);
      const flat = this.block(index);
      for (let k = 0; k < flat.length; k += 2) {
        const start = Math.max(flat[k] as number, fromMs);
        const end = Math.min(flat[k + 1] as number, toMs);
        if (end > start) total += end - start;
      }
      empty = flat.length === 0 ? empty + 1 : 0;
    }
    return total;
  }

  /**
   * Earliest instant T >= startMs with `businessMsBetween(startMs, T) === amountMs` (a whole number of ms >= 0).
   *
   * @throws {NoBusinessTimeError} when the union has no business time within 100 years.
   */
  addBusinessMs(startMs: number, amountMs: number): number {
    if (amountMs === 0) return startMs;
    if (!Number.isInteger(startMs) || !Number.isInteger(amountMs)) return this.walkAddBusinessMs(startMs, amountMs);
    let remaining = amountMs;
    let empty = 0;
    for (let index = Math.floor(startMs / BLOCK_MS); ; index++) {
      if (empty >= MAX_EMPTY_BLOCKS) return this.walkAddBusinessMs(Math.max(startMs, index * BLOCK_MS), remaining);
      const flat = this.block(index);
      for (let k = 0; k < flat.length; k += 2) {
        const end = flat[k + 1] as number;
        if (end <= startMs) continue;
        const start = Math.max(flat[k] as number, startMs);
        if (remaining <= end - start) return start + remaining;
        remaining -= end - start;
      }
      empty = flat.length === 0 ? empty + 1 : 0;
    }
  }

  /** The definition: every member's next window, the earliest extended while any member goes on. */
  private walkNextWindow(utcMs: number, maxLengthMs: number): BusinessWindow | undefined {
    const members = this.members;
    let window: BusinessWindow | undefined;
    for (const member of members) {
      const candidate = member.nextWindow(utcMs, maxLengthMs);
      if (candidate && (!window || candidate.startMs < window.startMs)) window = { ...candidate };
    }
    if (!window) return undefined;
    // nextWindow(t) starts exactly at t when t is business time, so this asks "does anyone go on?".
    const cap = Math.min(maxLengthMs, MAX_WINDOW_MS);
    for (let extended = true; extended && window.endMs - window.startMs < cap; ) {
      extended = false;
      for (const member of members) {
        const next = member.nextWindow(window.endMs, cap);
        if (next && next.startMs === window.endMs) {
          window.endMs = Math.min(next.endMs, window.startMs + cap);
          extended = true;
        }
      }
    }
    return window;
  }

  private walkBusinessMsBetween(fromMs: number, toMs: number): number {
    let total = 0;
    let cursor = fromMs;
    while (cursor < toMs) {
      const window = this.walkNextWindow(cursor, MAX_WINDOW_MS);
      if (!window || window.startMs >= toMs) break;
      total += Math.min(window.endMs, toMs) - window.startMs;
      cursor = window.endMs;
    }
    return total;
  }

  private walkAddBusinessMs(startMs: number, amountMs: number): number {
    let remaining = amountMs;
    let cursor = startMs;
    for (;;) {
      const window = this.walkNextWindow(cursor, MAX_WINDOW_MS);
      if (!window) throw new NoBusinessTimeError('calendar has no business time within 100 years');
      const length = window.endMs - window.startMs;
      if (remaining <= length) return window.startMs + remaining;
      remaining -= length;
      cursor = window.endMs;
    }
  }
}
