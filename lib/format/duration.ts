/**
 * A business duration for people: "45 m", "1 h 20 m", "3 d 2 h" (d = 24 h of elapsed business time
 * is never used: business days differ by calendar, so hours are shown up to 99 h).
 *
 * @example
 * formatMinutes(80) // => '1 h 20 m'
 * formatMinutes(-5) // => '−5 m'
 * formatMinutes(0.4) // => '<1 m'
 */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(minutes);
  if (abs > 0 && abs < 1) return `${sign}<1 m`;
  const whole = Math.floor(abs);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${sign}${rest} m`;
  if (hours >= 100) return `${sign}${hours} h`;
  return rest === 0 ? `${sign}${hours} h` : `${sign}${hours} h ${rest} m`;
}
