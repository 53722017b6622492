const DATE = /^(\d{4})-(0[1-9]|1[0-2])-\d{2}$/;

/**
 * The `count` months up to and including the month of `today` (YYYY-MM-DD), newest first: what the
 * month picker offers. The second is the last complete month, the page's default.
 *
 * @throws {RangeError} when `today` is not YYYY-MM-DD.
 * @example
 * recentMonths('2026-01-15', 3) // => ['2026-01', '2025-12', '2025-11']
 */
export function recentMonths(today: string, count: number): string[] {
  const match = DATE.exec(today);
  if (!match) throw new RangeError(`today must be YYYY-MM-DD (got ${JSON.stringify(today)})`);
  // Months since year 0, counted down; no dates involved, so no zone either.
  const index = Number(match[1]) * 12 + Number(match[2]) - 1;
  return Array.from({ length: count }, (_, back) => {
    const at = index - back;
    return `${String(Math.floor(at / 12)).padStart(4, '0')}-${String((at % 12) + 1).padStart(2, '0')}`;
  });
}
