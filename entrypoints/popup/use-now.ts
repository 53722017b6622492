import type { DateTime } from 'luxon';
import { useEffect, useState } from 'react';

/** The current instant, refreshed every `everyMs` (for "updated 2 minutes ago" and overdue rows). */
export function useNow(clock: () => DateTime, everyMs = 30_000): DateTime {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}
