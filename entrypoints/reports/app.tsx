import type { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { ReportsPage } from '../../components/reports/reports-page.tsx';
import type { Config } from '../../lib/plans/index.ts';
import { buildMonthReport } from '../../lib/reports/month-report.ts';
import { recentMonths } from '../../lib/reports/recent-months.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { downloadFile } from './download-file.ts';

export interface AppProps {
  config: Config;
  noPlan: boolean;
  tickets: readonly Ticket[];
  problems: readonly string[];
  /** When the page was opened, in the user's zone: the one clock reading of the page. */
  now: DateTime;
  onOpenOptions: () => void;
}

/** Two years of months to pick from. */
const MONTHS = 24;

/** The reports page's state: which month, and that month's report. */
export function App({ config, noPlan, tickets, problems, now, onOpenOptions }: AppProps) {
  const today = now.toFormat('yyyy-MM-dd');
  const months = useMemo(() => recentMonths(today, MONTHS), [today]);
  // The last complete month: the one a service credit can be claimed for.
  const [month, setMonth] = useState(months[1] ?? today.slice(0, 7));
  const report = useMemo(() => buildMonthReport(tickets, config, month, now), [tickets, config, month, now]);
  return (
    <ReportsPage
      report={report}
      months={months}
      onMonthChange={setMonth}
      noPlan={noPlan}
      problems={problems}
      ticketsOnRecord={tickets.length}
      today={today}
      generatedAt={new Date(now.toMillis()).toISOString()}
      onDownload={downloadFile}
      onOpenOptions={onOpenOptions}
    />
  );
}
