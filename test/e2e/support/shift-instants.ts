/**
 * Moves every instant in a vendor JSON document by the same amount, keeping each one's own format
 * (`2026-11-23T08:12:04Z`, `2026-11-23T19:12:05.000+1100`, `…+11:00`) and Jira's `epochMillis`. The
 * fixtures were captured on fixed dates; shifted, the same conversations happen "just now", so the
 * browser's real clock sees running, warning and breached clocks.
 */

const ISO_INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;
const MINUTE_MS = 60_000;

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/**
 * One instant moved by `deltaMs`, in its own format and offset; `undefined` for any other string.
 *
 * @example
 * shiftIsoInstant('2026-11-23T19:12:05.000+1100', 60_000) // => '2026-11-23T19:13:05.000+1100'
 */
export function shiftIsoInstant(text: string, deltaMs: number): string | undefined {
  const match = ISO_INSTANT.exec(text);
  if (!match) return undefined;
  const [, date, time = '', fraction = '', offset = 'Z'] = match;
  const ms = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}${fraction}${offset === 'Z' ? 'Z' : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`}`);
  if (Number.isNaN(ms)) return undefined;
  // Wall-clock time in the same offset, formatted like the original.
  const local = new Date(ms + deltaMs + offsetMinutes(offset) * MINUTE_MS).toISOString();
  const shiftedTime = local.slice(11, 11 + time.length);
  const shiftedFraction = fraction === '' ? '' : local.slice(19, 19 + fraction.length).padEnd(fraction.length, '0');
  return `${local.slice(0, 10)}T${shiftedTime}${shiftedFraction}${offset}`;
}

/**
 * A deep copy of `json` with every ISO instant and every `epochMillis` moved by `deltaMs`.
 *
 * @example
 * shiftInstants({ created_at: '2026-11-23T08:12:04Z' }, -86_400_000) // => { created_at: '2026-11-22T08:12:04Z' }
 */
export function shiftInstants(json: unknown, deltaMs: number): unknown {
  if (typeof json === 'string') return shiftIsoInstant(json, deltaMs) ?? json;
  if (Array.isArray(json)) return json.map((item) => shiftInstants(item, deltaMs));
  if (json !== null && typeof json === 'object') {
    return Object.fromEntries(
      Object.entries(json).map(([key, value]) => [key, key === 'epochMillis' && typeof value === 'number' ? value + deltaMs : shiftInstants(value, deltaMs)]),
    );
  }
  return json;
}
