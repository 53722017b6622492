/** Seeded workloads shared by the benchmarks, so every engine answers the same questions. */

/** Mulberry32: a tiny, fast, seeded PRNG (deterministic workloads across runs and machines). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 20 closed dates a year (2025–2028): US federal holidays plus company days, some on weekends. */
export const HOLIDAY_DATES: string[] = [2025, 2026, 2027, 2028].flatMap((year) =>
  ['01-01', '01-19', '02-16', '04-03', '05-25', '06-19', '07-03', '07-04', '08-14', '09-07', '10-12', '11-11', '11-26', '11-27', '12-24', '12-25', '12-26', '12-28', '12-29', '12-31'].map(
    (monthDay) => `${year}-${monthDay}`,
  ),
);

export interface Addition {
  startMs: number;
  minutes: number;
}

/** `count` additions: starts uniform over 2026, spans log-uniform from 1 minute to `maxMinutes`. */
export function additions(count: number, maxMinutes: number, seed: number): Addition[] {
  const random = seededRandom(seed);
  const from = Date.UTC(2026, 0, 1);
  const to = Date.UTC(2027, 0, 1);
  return Array.from({ length: count }, () => ({
    startMs: Math.floor((from + random() * (to - from)) / 60_000) * 60_000,
    minutes: Math.max(1, Math.round(Math.exp(random() * Math.log(maxMinutes)))),
  }));
}

/** Median of a few timed rounds, in operations per second. */
export function measureOpsPerSec(operations: number, rounds: number, run: () => void): number {
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    run();
    rates.push(operations / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] as number;
}

/** One line of bench-results.json. */
export interface BenchRow {
  suite: string;
  case: string;
  opsPerSec: number;
  peer: string | null;
  peerOpsPerSec: number | null;
  note?: string;
}
