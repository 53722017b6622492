import {
  DAY_MS,
  MINUTE_MS,
  WEEK_MS,
  dayNumberFromCivil,
  dayNumberFromIsoDate,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './civil-days.ts';
import { parseWallClock, WEEKDAYS, type HolidaySpec, type ZonedCalendarSpec } from './calendar-spec.ts';

/** Local epoch ms of Sunday 1970-01-04 00:00, the origin of week numbering. */
const WEEK_ORIGIN_MS = 3 * DAY_MS;
/** Holidays are expanded for whole years; coverage grows by this many years past a request. */
const COVERAGE_MARGIN_YEARS = 2;

type Range = [startMs: number, endMs: number];

/** A local date that a holiday touches, with what is left of that date's business hours. */
interface HolidayDay {
  dayNumber: number;
  name: string | undefined;
  /** Business ranges still open that day, in local epoch ms. */
  openRanges: Range[];
  /** Business ms the holiday removes from that date (0 on a date that was closed anyway). */
  removedMs: number;
}

/** Sorted, merged union of ranges. */
function unionOfRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** `ranges` minus `holes` (both sorted and merged). */
function subtractRanges(ranges: Range[], holes: Range[]): Range[] {
  const out: Range[] = [];
  for (const [start, end] of ranges) {
    let cursor = start;
    for (const [holeStart, holeEnd] of holes) {
      if (holeEnd <= cursor || holeStart >= end) continue;
      if (holeStart > cursor) out.push([cursor, holeStart]);
      cursor = Math.max(cursor, holeEnd);
    }
    if (cursor < end) out.push([cursor, end]);
  }
  return out;
}

function lengthOf(ranges: Range[]): number {
  return ranges.reduce((sum, [start, end]) => sum + end - start, 0);
}

/**
 * One regional calendar on the local wall-clock timeline ("local epoch ms": wall-clock time read as
 * UTC, so every local day is exactly 24 h and there is no DST here; the zone's offsets are applied
 * by the caller, period by period).
 *
 * The business ms before a local instant L (counted from the week origin) is
 * `F(L) = weekly(L) - removedByHolidays(L)`: a monotone, piecewise-linear function with slopes 0
 * and 1. Every question the engine answers is an evaluation of F or of its earliest inverse, each
 * O(log ranges + log holidays) regardless of how far apart the instants are.
 */
export class LocalSchedule {
  /** Merged business ranges within one week, in ms from Sunday 00:00. */
  private readonly weekStarts: number[];
  private readonly weekEnds: number[];
  /** Business ms in the week before range k starts. */
  private readonly weekCumulative: number[];
  readonly weekCapacityMs: number;
  /** Business ranges of each weekday, in ms from that day's midnight. */
  private readonly dayRanges: Range[][];

  private readonly datedHolidays: HolidaySpec[];
  private readonly annualHolidays: HolidaySpec[];
  private coveredFromDay = 0;
  private coveredToDay = 0;
  private holidays: HolidayDay[] = [];
  private holidayDayNumbers: number[] = [];
  /** removedBefore[j] = business ms removed by holidays 0..j-1. */
  private removedBefore: number[] = [0];
  /** F at the start and at the end of each holiday date. */
  private holidayStartF: number[] = [];
  private holidayEndF: number[] = [];

  constructor(spec: ZonedCalendarSpec) {
    const weekRanges: Range[] = [];
    WEEKDAYS.forEach((key, weekday) => {
      for (const [from, to] of spec.weekly[key] ?? []) {
        const startMs = weekday * DAY_MS + (parseWallClock(from) as number) * MINUTE_MS;
        let endMs = weekday * DAY_MS + (parseWallClock(to, true) as number) * MINUTE_MS;
        // An end at or before the start crosses midnight into the next day.
        if (endMs <= startMs) endMs += DAY_MS;
        if (endMs > WEEK_MS) {
          // Saturday's night shift continues on Sunday morning of the same weekly pattern.
          weekRanges.push([startMs, WEEK_MS], [0, endMs - WEEK_MS]);
        } else {
          weekRanges.push([startMs, endMs]);
        }
      }
    });
    const merged = unionOfRanges(weekRanges);
    this.weekStarts = merged.map((range) => range[0]);
    this.weekEnds = merged.map((range) => range[1]);
    this.weekCumulative = [];
    let cumulative = 0;
    for (const [start, end] of merged) {
      this.weekCumulative.push(cumulative);
      cumulative += end - start;
    }
    this.weekCapacityMs = cumulative;
    this.dayRanges = WEEKDAYS.map((_, weekday) =>
      subtractRanges(merged, [
        [Number.NEGATIVE_INFINITY, weekday * DAY_MS],
        [(weekday + 1) * DAY_MS, Number.POSITIVE_INFINITY],
      ]).map(([start, end]): Range => [start - weekday * DAY_MS, end - weekday * DAY_MS]),
    );
    this.datedHolidays = (spec.holidays ?? []).filter((holiday) => 'date' in holiday);
    this.annualHolidays = (spec.holidays ?? []).filter((holiday) => 'annual' in holiday);
  }

  /** Business ms in the weekly pattern before local instant `localMs` (holidays ignored). */
  private weeklyF(localMs: number): number {
    const sinceOrigin = localMs - WEEK_ORIGIN_MS;
    const week = Math.floor(sinceOrigin / WEEK_MS);
    const withinWeek = sinceOrigin - week * WEEK_MS;
    const starts = this.weekStarts;
    // Last range starting before the instant (few ranges: a linear scan beats a binary search).
    let k = -1;
    while (k + 1 < starts.length && (starts[k + 1] as number) < withinWeek) k++;
    let value = week * this.weekCapacityMs;
    if (k >= 0) value += (this.weekCumulative[k] as number) + Math.min(withinWeek, this.weekEnds[k] as number) - (starts[k] as number);
    return value;
  }

  /** Earliest local instant L with weeklyF(L) = value. Requires a non-empty weekly pattern. */
  private weeklyInverse(value: number): number {
    const capacity = this.weekCapacityMs;
    let week = Math.floor(value / capacity);
    let rest = value - week * capacity;
    // At an exact multiple the earliest instant is the end of the previous week's last range.
    if (rest <= 0) {
      week -= 1;
      rest += capacity;
    }
    const cumulative = this.weekCumulative;
    let k = 0;
    while (k + 1 < cumulative.length && (cumulative[k + 1] as number) < rest) k++;
    return WEEK_ORIGIN_MS + week * WEEK_MS + (this.weekStarts[k] as number) + rest - (cumulative[k] as number);
  }

  /** Index of the first holiday date on or after `dayNumber`. */
  private holidayIndexFrom(dayNumber: number): number {
    const days = this.holidayDayNumbers;
    let low = 0;
    let high = days.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((days[mid] as number) < dayNumber) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Business ms before local instant `localMs` (from an arbitrary origin: only differences are meaningful,
   * and only between instants that were covered, see {@link ensureCovered}).
   */
  businessBefore(localMs: number): number {
    const dayNumber = Math.floor(localMs / DAY_MS);
    const j = this.holidayIndexFrom(dayNumber);
    const weekly = this.weeklyF(localMs);
    const holiday = this.holidays[j];
    if (holiday === undefined || holiday.dayNumber !== dayNumber) return weekly - (this.removedBefore[j] as number);
    let openBefore = 0;
    for (const [start, end] of holiday.openRanges) {
      if (start >= localMs) break;
      openBefore += Math.min(end, localMs) - start;
    }
    return (this.holidayStartF[j] as number) + openBefore;
  }

  /**
   * Earliest local instant L with businessBefore(L) = value, or `undefined` when the calendar never
   * reaches it within the covered range (the caller extends coverage and asks again).
   */
  earliestWithBusinessBefore(value: number): number | undefined {
    if (this.weekCapacityMs === 0) return undefined;
    const endF = this.holidayEndF;
    let low = 0;
    let high = endF.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((endF[mid] as number) < value) low = mid + 1;
      else high = mid;
    }
    const holiday = this.holidays[low];
    if (holiday !== undefined && (this.holidayStartF[low] as number) < value) {
      let reached = this.holidayStartF[low] as number;
      for (const [start, end] of holiday.openRanges) {
        if (reached + end - start >= value) return start + value - reached;
        reached += end - start;
      }
    }
    const localMs = this.weeklyInverse(value + (this.removedBefore[low] as number));
    return localMs < this.coveredToDay * DAY_MS ? localMs : undefined;
  }

  /** Is local instant `localMs` inside business hours? */
  isOpenAt(localMs: number): boolean {
    const dayNumber = Math.floor(localMs / DAY_MS);
    for (const [start, end] of this.openRangesOfDay(dayNumber)) {
      if (localMs >= start && localMs < end) return true;
    }
    return false;
  }

  /** Business ranges of one local date in local epoch ms (holidays applied). */
  openRangesOfDay(dayNumber: number): Range[] {
    const j = this.holidayIndexFrom(dayNumber);
    const holiday = this.holidays[j];
    if (holiday !== undefined && holiday.dayNumber === dayNumber) return holiday.openRanges;
    const dayStart = dayNumber * DAY_MS;
    return (this.dayRanges[weekdayOfDayNumber(dayNumber)] as Range[]).map(([start, end]): Range => [dayStart + start, dayStart + end]);
  }

  /**
   * The business range containing `localMs`, or else the next one, merged across midnight (until it
   * reaches `stopMergingAtMs`); `undefined` when none starts before the covered end.
   */
  nextOpenRange(localMs: number, stopMergingAtMs: number = Number.POSITIVE_INFINITY): Range | undefined {
    if (this.weekCapacityMs === 0) return undefined;
    let foundStart = Number.NaN;
    let foundEnd = Number.NaN;
    for (let day = Math.floor(localMs / DAY_MS); day < this.coveredToDay; day++) {
      // Ordinary days read the weekday's ranges in place; only holiday dates have their own list.
      const j = this.holidayIndexFrom(day);
      const holiday = this.holidays[j];
      const isHoliday = holiday !== undefined && holiday.dayNumber === day;
      const ranges = isHoliday ? holiday.openRanges : (this.dayRanges[weekdayOfDayNumber(day)] as Range[]);
      const shift = isHoliday ? 0 : day * DAY_MS;
      for (const [rangeStart, rangeEnd] of ranges) {
        const start = rangeStart + shift;
        const end = rangeEnd + shift;
        if (!Number.isNaN(foundStart)) {
          if (start !== foundEnd) return [foundStart, foundEnd];
          foundEnd = end;
        } else if (end > localMs) {
          foundStart = Math.max(start, localMs);
          foundEnd = end;
        }
      }
      // Around-the-clock hours would merge day after day to the covered end: callers say how far they care.
      if (!Number.isNaN(foundStart) && (foundEnd !== (day + 1) * DAY_MS || foundEnd >= stopMergingAtMs)) return [foundStart, foundEnd];
    }
    return Number.isNaN(foundStart) ? undefined : [foundStart, foundEnd];
  }

  /** Holidays that close business time on local dates in `[fromDay, toDay)`. */
  holidaysBetween(fromDay: number, toDay: number): { dayNumber: number; name: string | undefined; removedMs: number }[] {
    const out = [];
    for (let j = this.holidayIndexFrom(fromDay); j < this.holidays.length; j++) {
      const holiday = this.holidays[j] as HolidayDay;
      if (holiday.dayNumber >= toDay) break;
      if (holiday.removedMs > 0) out.push({ dayNumber: holiday.dayNumber, name: holiday.name, removedMs: holiday.removedMs });
    }
    return out;
  }

  /** Local epoch ms up to which holidays are expanded. */
  get coveredToLocalMs(): number {
    return this.coveredToDay * DAY_MS;
  }

  /**
   * Expands holidays for whole years around local dates `[fromDay, toDay)`. Growing the covered range
   * forwards keeps every earlier `businessBefore` value; growing it backwards shifts them all by a
   * constant, so callers only grow backwards before they take any measurement.
   */
  ensureCovered(fromDay: number, toDay: number): void {
    const expanded = this.coveredToDay > this.coveredFromDay;
    if (expanded && fromDay >= this.coveredFromDay && toDay <= this.coveredToDay) return;
    const growsBack = !expanded || fromDay < this.coveredFromDay;
    const growsForward = !expanded || toDay > this.coveredToDay;
    const fromYear = growsBack ? yearOfDayNumber(fromDay) - 1 : yearOfDayNumber(this.coveredFromDay);
    const toYear = growsForward ? yearOfDayNumber(toDay - 1) + COVERAGE_MARGIN_YEARS : yearOfDayNumber(this.coveredToDay - 1);
    if (!(fromYear >= 1 && toYear <= 9999)) throw new RangeError('date out of the supported range (years 1 to 9999)');
    this.coveredFromDay = dayNumberFromCivil(fromYear, 1, 1);
    this.coveredToDay = dayNumberFromCivil(toYear + 1, 1, 1);
    this.expandHolidays();
  }

  private expandHolidays(): void {
    const closedByDay = new Map<number, { ranges: Range[]; name: string | undefined }>();
    const close = (dayNumber: number, holiday: HolidaySpec) => {
      const dayStart = dayNumber * DAY_MS;
      const from = dayStart + (parseWallClock(holiday.from ?? '00:00') as number) * MINUTE_MS;
      const to = dayStart + (parseWallClock(holiday.to ?? '24:00', true) as number) * MINUTE_MS;
      const entry = closedByDay.get(dayNumber);
      if (entry) {
        entry.ranges.push([from, to]);
        entry.name ??= holiday.name;
      } else {
        closedByDay.set(dayNumber, { ranges: [[from, to]], name: holiday.name });
      }
    };
    for (const holiday of this.datedHolidays) {
      if (!('date' in holiday)) continue;
      const first = dayNumberFromIsoDate(holiday.date);
      const last = holiday.through === undefined ? first : dayNumberFromIsoDate(holiday.through);
      for (let day = first; day <= last; day++) close(day, holiday);
    }
    const fromYear = yearOfDayNumber(this.coveredFromDay);
    const toYear = yearOfDayNumber(this.coveredToDay - 1);
    for (const holiday of this.annualHolidays) {
      if (!('annual' in holiday)) continue;
      const month = Number(holiday.annual.slice(0, 2));
      const day = Number(holiday.annual.slice(3, 5));
      for (let year = fromYear; year <= toYear; year++) {
        const dayNumber = dayNumberFromCivil(year, month, day);
        // 02-29 applies in leap years only (otherwise days_from_civil rolls over to 03-01).
        if (new Date(dayNumber * DAY_MS).getUTCDate() === day) close(dayNumber, holiday);
      }
    }
    const days = [...closedByDay.keys()].sort((a, b) => a - b);
    this.holidays = days.map((dayNumber) => {
      const entry = closedByDay.get(dayNumber) as { ranges: Range[]; name: string | undefined };
      const dayStart = dayNumber * DAY_MS;
      const weekdayRanges = (this.dayRanges[weekdayOfDayNumber(dayNumber)] as Range[]).map(
        ([start, end]): Range => [dayStart + start, dayStart + end],
      );
      const openRanges = subtractRanges(weekdayRanges, unionOfRanges(entry.ranges));
      return { dayNumber, name: entry.name, openRanges, removedMs: lengthOf(weekdayRanges) - lengthOf(openRanges) };
    });
    this.holidayDayNumbers = days;
    this.removedBefore = [0];
    this.holidayStartF = [];
    this.holidayEndF = [];
    this.holidays.forEach((holiday, j) => {
      const removed = this.removedBefore[j] as number;
      this.holidayStartF.push(this.weeklyF(holiday.dayNumber * DAY_MS) - removed);
      this.removedBefore.push(removed + holiday.removedMs);
      this.holidayEndF.push(this.weeklyF((holiday.dayNumber + 1) * DAY_MS) - removed - holiday.removedMs);
    });
  }
}
