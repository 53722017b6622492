/**
 * Business-time engine against what a developer would otherwise pick, on the same workload:
 * moment-business-time (minutes), luxon-business-days (whole days only) and a typical hand-written
 * Luxon day-by-day walk.
 */
import { DateTime } from 'luxon';
import moment from 'moment-timezone';
import 'moment-business-time';
import { createRequire } from 'node:module';
import { addBusinessMinutes, addBusinessMinutesMs, createCalendar, type ZonedCalendarSpec } from '../lib/sla/index.ts';
import { additions, HOLIDAY_DATES, measureOpsPerSec, type Addition, type BenchRow } from './workload.ts';

// luxon-business-days is CommonJS and patches the CommonJS build of Luxon (a different class from the
// ES module build imported above); it re-exports that patched DateTime (methods typed in peer-types.d.ts).
const { DateTime: BusinessDaysDateTime } = createRequire(import.meta.url)('luxon-business-days') as { DateTime: typeof DateTime };

const NY = 'America/New_York';
const MAX_MINUTES = 60 * 480; // 60 business days of 8 hours
const ENGINE_OPS = 100_000;

interface Case {
  name: string;
  spec: ZonedCalendarSpec;
  /** moment-business-time's locale `workinghours` for the same schedule. */
  momentHours: Record<number, string[] | null>;
  /** ISO weekdays (1 = Monday) that have business hours, for luxon-business-days. */
  businessDays: number[];
  minutesPerDay: number;
  holidays: boolean;
}

const weekdaysOnly = (hours: string[]) => ({ 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null });
const CASES: Case[] = [
  {
    name: 'nine-to-five-ny-20-holidays',
    spec: { timezone: NY, weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])), holidays: HOLIDAY_DATES.map((date) => ({ date })) },
    momentHours: weekdaysOnly(['09:00:00', '17:00:00']),
    businessDays: [1, 2, 3, 4, 5],
    minutesPerDay: 480,
    holidays: true,
  },
  {
    name: 'split-shift-ny-20-holidays',
    spec: { timezone: NY, weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '12:00'], ['13:00', '17:30']]])), holidays: HOLIDAY_DATES.map((date) => ({ date })) },
    momentHours: weekdaysOnly(['08:00:00', '12:00:00', '13:00:00', '17:30:00']),
    businessDays: [1, 2, 3, 4, 5],
    minutesPerDay: 510,
    holidays: true,
  },
  {
    name: '24x7-ny-across-dst',
    spec: { timezone: NY, weekly: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['00:00', '00:00']]])) },
    // moment-business-time cannot express 24:00; 23:59:59 loses one second a day.
    momentHours: Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, ['00:00:00', '23:59:59']])),
    businessDays: [1, 2, 3, 4, 5, 6, 7],
    minutesPerDay: 1440,
    holidays: false,
  },
];

/** The typical first implementation: walk day by day with Luxon, building DateTimes for each interval. */
function luxonDayWalk(spec: ZonedCalendarSpec, holidays: ReadonlySet<string>, startMs: number, minutes: number): number {
  const keys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
  let cursor = DateTime.fromMillis(startMs, { zone: spec.timezone });
  let remainingMs = minutes * 60_000;
  for (let guard = 0; guard < 5000; guard++) {
    const day = cursor.startOf('day');
    if (!holidays.has(day.toISODate() as string)) {
      for (const [from, to] of spec.weekly[keys[day.weekday % 7] as (typeof keys)[number]] ?? []) {
        const open = day.set({ hour: Number(from.slice(0, 2)), minute: Number(from.slice(3)) });
        const close = to === '00:00' || to === '24:00' ? day.plus({ days: 1 }) : day.set({ hour: Number(to.slice(0, 2)), minute: Number(to.slice(3)) });
        const segmentStart = open < cursor ? cursor : open;
        if (close <= segmentStart) continue;
        const available = close.toMillis() - segmentStart.toMillis();
        if (remainingMs <= available) return segmentStart.toMillis() + remainingMs;
        remainingMs -= available;
      }
    }
    cursor = day.plus({ days: 1 });
  }
  throw new Error('luxonDayWalk: no end');
}

function agreement(expected: (a: Addition) => number, actual: (a: Addition) => number, sample: Addition[]): string {
  const same = sample.filter((a) => expected(a) === actual(a)).length;
  return `${same}/${sample.length}`;
}

/** Runs every case and returns one row per case and peer. */
export function benchBusinessTime(log: (line: string) => void): BenchRow[] {
  const rows: BenchRow[] = [];
  const holidaySet = new Set(HOLIDAY_DATES);
  for (const testCase of CASES) {
    const cal = createCalendar(testCase.spec);
    const work = additions(ENGINE_OPS, MAX_MINUTES, 42);
    const startsAsDateTime = work.map((a) => DateTime.fromMillis(a.startMs, { zone: NY }));
    let sink = 0;
    const msOps = measureOpsPerSec(work.length, 5, () => {
      for (const a of work) sink += addBusinessMinutesMs(cal, a.startMs, a.minutes);
    });
    const dateTimeOps = measureOpsPerSec(work.length, 5, () => {
      for (let i = 0; i < work.length; i++) sink += addBusinessMinutes(cal, startsAsDateTime[i] as DateTime, work[i]!.minutes).toMillis();
    });
    const long = work.filter((a) => a.minutes >= 20 * testCase.minutesPerDay);
    const longOps = measureOpsPerSec(long.length, 5, () => {
      for (const a of long) sink += addBusinessMinutesMs(cal, a.startMs, a.minutes);
    });

    // moment-business-time: global locale configuration, ~ms per call, so a smaller sample.
    moment.updateLocale('en', { workinghours: testCase.momentHours, holidays: testCase.holidays ? HOLIDAY_DATES : [] });
    const momentWork = work.slice(0, 600);
    const momentAdd = (a: Addition) => (moment.tz(a.startMs, NY) as unknown as { addWorkingTime(n: number, unit: string): moment.Moment }).addWorkingTime(a.minutes, 'minutes').valueOf();
    const momentOps = measureOpsPerSec(momentWork.length, 1, () => {
      for (const a of momentWork) sink += momentAdd(a);
    });
    const momentAgreement = testCase.name.startsWith('24x7') ? 'n/a (23:59:59 days)' : agreement((a) => addBusinessMinutesMs(cal, a.startMs, a.minutes), momentAdd, momentWork.slice(0, 200));

    // luxon-business-days adds whole days only: the span is rounded up to days.
    const holidayMatcher = (dt: DateTime) => testCase.holidays && holidaySet.has(dt.toISODate() as string);
    const dayWork = work.slice(0, 20_000);
    const dayStarts = dayWork.map((a) => {
      const dt = BusinessDaysDateTime.fromMillis(a.startMs, { zone: NY });
      dt.setupBusiness({ businessDays: testCase.businessDays, holidayMatchers: [holidayMatcher] });
      return dt;
    });
    const daysOps = measureOpsPerSec(dayWork.length, 3, () => {
      for (let i = 0; i < dayWork.length; i++) {
        sink += (dayStarts[i] as DateTime).plusBusiness({ days: Math.ceil((dayWork[i] as Addition).minutes / testCase.minutesPerDay) }).toMillis();
      }
    });

    const walkWork = work.slice(0, 5_000);
    const walkOps = measureOpsPerSec(walkWork.length, 3, () => {
      for (const a of walkWork) sink += luxonDayWalk(testCase.spec, testCase.holidays ? holidaySet : new Set(), a.startMs, a.minutes);
    });
    const walkAgreement = agreement((a) => addBusinessMinutesMs(cal, a.startMs, a.minutes), (a) => luxonDayWalk(testCase.spec, testCase.holidays ? holidaySet : new Set(), a.startMs, a.minutes), walkWork.slice(0, 500));
    if (sink === 42) log('(impossible sink value)');

    const peers: { peer: string; ops: number; note: string }[] = [
      { peer: 'moment-business-time', ops: momentOps, note: `minutes; ${momentWork.length} calls; same answers as SLA Lens: ${momentAgreement}` },
      { peer: 'luxon-business-days', ops: daysOps, note: `whole days only: span rounded up to days; ${dayWork.length} calls` },
      { peer: 'luxon-day-walk', ops: walkOps, note: `hand-written Luxon walk; ${walkWork.length} calls; same answers: ${walkAgreement}` },
    ];
    for (const { peer, ops, note } of peers) {
      rows.push({ suite: 'business-time', case: `${testCase.name}/epoch-ms`, opsPerSec: msOps, peer, peerOpsPerSec: ops, note });
      rows.push({ suite: 'business-time', case: `${testCase.name}/datetime`, opsPerSec: dateTimeOps, peer, peerOpsPerSec: ops, note });
    }
    rows.push({ suite: 'business-time', case: `${testCase.name}/epoch-ms-spans-over-20-days`, opsPerSec: longOps, peer: null, peerOpsPerSec: null, note: `${long.length} calls; cost independent of the span` });
    log(`business-time ${testCase.name}: ${Math.round(msOps).toLocaleString('en')} ops/s (ms), ${Math.round(dateTimeOps).toLocaleString('en')} ops/s (DateTime)`);
  }
  return rows;
}
