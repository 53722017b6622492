import { DateTime } from 'luxon';
import { useMemo } from 'react';
import { SchemaError } from '../../lib/schema-error.ts';
import { createCalendar, nextBusinessWindowMs } from '../../lib/sla/index.ts';
import { useEnvironment } from './options-environment.ts';

const DAYS = 7;

interface PreviewDay {
  date: string;
  label: string;
  spans: string[];
}

/** Business windows from `now` for the next days, cut at local midnight in the calendar's day zone. */
function previewDays(spec: unknown, now: DateTime): { zone: string; days: PreviewDay[] } | { error: string } {
  let calendar;
  try {
    calendar = createCalendar(spec);
  } catch (error) {
    return { error: error instanceof SchemaError ? `fix the calendar first (${error.issues.map((issue) => `${issue.path || 'calendar'}: ${issue.message}`).join('; ')})` : String(error) };
  }
  const zone = calendar.timezone;
  const start = now.setZone(zone);
  const days: PreviewDay[] = Array.from({ length: DAYS }, (_, i) => {
    const day = start.plus({ days: i });
    return { date: day.toISODate() ?? '', label: day.toFormat('ccc d LLL'), spans: [] };
  });
  const endMs = start.startOf('day').plus({ days: DAYS }).toMillis();
  for (let cursor = start.toMillis(); cursor < endMs; ) {
    const window = nextBusinessWindowMs(calendar, cursor);
    if (!window || window.startMs >= endMs) break;
    // One window may span midnight (night shifts, 24x7): show it on each date it covers.
    for (let from = window.startMs; from < Math.min(window.endMs, endMs); ) {
      const local = DateTime.fromMillis(from, { zone });
      const midnight = local.startOf('day').plus({ days: 1 }).toMillis();
      const to = Math.min(window.endMs, endMs, midnight);
      const end = DateTime.fromMillis(to, { zone });
      days.find((day) => day.date === local.toISODate())?.spans.push(`${local.toFormat('HH:mm')}–${to === midnight ? '24:00' : end.toFormat('HH:mm')}`);
      from = to;
    }
    cursor = window.endMs;
  }
  return { zone, days };
}

/** "Next 7 days of business hours", computed with lib/sla exactly as the clocks will be. */
export function BusinessHoursPreview({ spec, title }: { spec: unknown; title: string }) {
  const { now } = useEnvironment();
  const preview = useMemo(() => previewDays(spec, now), [spec, now]);
  return (
    <section className="preview" aria-label={`${title}: next ${DAYS} days of business hours`}>
      <h4>Next {DAYS} days of business hours</h4>
      {'error' in preview ? (
        <p className="muted">Preview unavailable: {preview.error}</p>
      ) : (
        <>
          <p className="hint">Local times in {preview.zone}, from now.</p>
          <dl className="preview-days">
            {preview.days.map((day) => (
              <div key={day.date}>
                <dt>{day.label}</dt>
                <dd>{day.spans.length > 0 ? day.spans.join(', ') : 'closed'}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
