import type { ComplianceRow } from '../../lib/plans/index.ts';
import { summaryCsv, ticketsCsv } from '../../lib/reports/compliance-csv.ts';
import { customerReportFileName, customerReportHtml } from '../../lib/reports/customer-report.ts';
import { rowKey, type MonthReport } from '../../lib/reports/month-report.ts';

/** A file for the user to save. */
export interface DownloadFile {
  name: string;
  type: string;
  content: string;
}

interface ExportBarProps {
  report: MonthReport;
  /** The rows shown (the CSV files export what the filters show). */
  rows: readonly ComplianceRow[];
  /** The customer filter ('' for all): the customer report is for one customer. */
  customer: string;
  /** ISO instant printed in the customer report. */
  generatedAt: string;
  onDownload: (file: DownloadFile) => void;
}

// Excel reads a CSV file without a byte-order mark in the legacy code page, garbling names like "Müller".
const BOM = '\uFEFF';
const CSV = 'text/csv;charset=utf-8';

/** CSV downloads of what is shown, and the customer-facing HTML report of the chosen customer. */
export function ExportBar({ report, rows, customer, generatedAt, onDownload }: ExportBarProps) {
  const { month } = report.compliance;
  const customerRows = report.compliance.rows.filter((row) => row.customerId === customer);
  const customerName = customerRows[0]?.customerName;
  const exportCustomer = () =>
    onDownload({
      name: customerReportFileName(customer, month),
      type: 'text/html;charset=utf-8',
      content: customerReportHtml(report.compliance, customer, {
        timezone: report.customerZones[customer] ?? 'UTC',
        generatedAt,
        estimatedTicketIds: customerRows.flatMap((row) => report.estimated[rowKey(row)] ?? []),
      }),
    });
  return (
    <section className="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div className="export-buttons">
        <button type="button" onClick={() => onDownload({ name: `sla-summary-${month}.csv`, type: CSV, content: BOM + summaryCsv(month, rows) })}>
          Summary (CSV)
        </button>
        <button type="button" onClick={() => onDownload({ name: `sla-tickets-${month}.csv`, type: CSV, content: BOM + ticketsCsv(month, rows) })}>
          Tickets (CSV)
        </button>
        {customerName === undefined ? (
          <p className="note">Choose a customer above to export the report you can send them.</p>
        ) : (
          <button type="button" onClick={exportCustomer}>{`Report for ${customerName} (HTML)`}</button>
        )}
      </div>
    </section>
  );
}
