import { useState } from 'react';
import { breachesBySeverity, weeklyAttainment } from '../../lib/reports/aggregate.ts';
import { rowKey, type MonthReport } from '../../lib/reports/month-report.ts';
import { formatMonth } from '../../lib/reports/report-text.ts';
import { AttainmentChart } from './attainment-chart.tsx';
import { BreachesChart } from './breaches-chart.tsx';
import { ComplianceRowCard } from './compliance-row-card.tsx';
import { EmptyState } from './empty-state.tsx';
import { ExportBar, type DownloadFile } from './export-bar.tsx';
import { ReportFilters, type FilterOption } from './report-filters.tsx';
import { ReportFootnote } from './report-footnote.tsx';
import { SummaryFigures } from './summary-figures.tsx';

export interface ReportsPageProps {
  report: MonthReport;
  /** Months the picker offers, newest first. */
  months: readonly string[];
  onMonthChange: (month: string) => void;
  /** True when the configuration has no plan at all. */
  noPlan: boolean;
  /** Problems loading the configuration or the tickets (the rest still works). */
  problems: readonly string[];
  /** Tickets the extension has on record, any month. */
  ticketsOnRecord: number;
  /** Local date (YYYY-MM-DD), for claim windows. */
  today: string;
  /** When the page computed the report (ISO instant), for the customer report. */
  generatedAt: string;
  onDownload: (file: DownloadFile) => void;
  onOpenOptions: () => void;
}

function uniqueOptions(entries: readonly FilterOption[]): FilterOption[] {
  const byValue = new Map(entries.map((entry) => [entry.value, entry]));
  return [...byValue.values()].sort((a, b) => a.label.localeCompare(b.label));
}

/** The monthly compliance report: filters, the month at a glance, charts, one card per customer and plan, exports. */
export function ReportsPage(props: ReportsPageProps) {
  const { report } = props;
  const { compliance } = report;
  const [customerChoice, setCustomer] = useState('');
  const [planChoice, setPlan] = useState('');
  const customers = uniqueOptions(compliance.rows.map((row) => ({ value: row.customerId, label: row.customerName })));
  const plans = uniqueOptions(compliance.rows.map((row) => ({ value: row.planId, label: row.planName })));
  // A choice the new month does not have (the customer's contract ended) falls back to "all".
  const customer = customers.some((option) => option.value === customerChoice) ? customerChoice : '';
  const plan = plans.some((option) => option.value === planChoice) ? planChoice : '';
  const rows = compliance.rows.filter((row) => (customer === '' || row.customerId === customer) && (plan === '' || row.planId === plan));
  const tickets = rows.reduce((sum, row) => sum + row.tickets, 0);
  const monthName = formatMonth(compliance.month);

  let body;
  if (props.noPlan) {
    body = (
      <EmptyState title="No plan configured — open Options">
        <p>Reports compare tickets with the plans in your configuration. Add a plan and the customers on it first.</p>
        <button type="button" onClick={props.onOpenOptions}>
          Open Options
        </button>
      </EmptyState>
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={`No customer had a plan in force in ${monthName}`}>
        <button type="button" onClick={props.onOpenOptions}>
          Open Options
        </button>
      </EmptyState>
    );
  } else if (tickets === 0) {
    body = (
      <>
        <EmptyState title="No tickets this month" />
        {/* A customer may still want their (empty) report: "0 tickets, no credit". */}
        <ExportBar report={report} rows={rows} customer={customer} generatedAt={props.generatedAt} onDownload={props.onDownload} />
      </>
    );
  } else {
    body = (
      <>
        <SummaryFigures rows={rows} />
        <div className="charts">
          <AttainmentChart weeks={weeklyAttainment(report.weeks, rows)} />
          <BreachesChart severities={breachesBySeverity(rows, report.severityOrder)} />
        </div>
        <h2>By customer and plan</h2>
        {rows.map((row) => (
          <ComplianceRowCard
            key={rowKey(row)}
            row={row}
            month={compliance.month}
            zone={report.customerZones[row.customerId] ?? 'UTC'}
            estimated={report.estimated[rowKey(row)] ?? []}
            today={props.today}
          />
        ))}
        <ExportBar report={report} rows={rows} customer={customer} generatedAt={props.generatedAt} onDownload={props.onDownload} />
      </>
    );
  }

  return (
    <main className="reports">
      <header>
        <h1>{`SLA report — ${monthName}`}</h1>
        <ReportFilters
          month={compliance.month}
          months={props.months}
          onMonthChange={props.onMonthChange}
          customer={customer}
          customers={customers}
          onCustomerChange={setCustomer}
          plan={plan}
          plans={plans}
          onPlanChange={setPlan}
        />
      </header>
      {props.problems.length > 0 && (
        <div role="alert" className="problems">
          <p>Problems found while loading (the rest of the report works):</p>
          <ul>
            {props.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {body}
      <ReportFootnote ticketsOnRecord={props.ticketsOnRecord} withoutPlan={compliance.withoutPlan} />
    </main>
  );
}
