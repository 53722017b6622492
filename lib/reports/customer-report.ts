import type { ComplianceRow, ComplianceTicket, MetricTally, MonthlyCompliance } from '../plans/index.ts';
import { formatMinutes } from '../format/duration.ts';
import { localIsoDate } from '../sla/index.ts';
import { httpUrl } from './http-url.ts';
import { creditText, formatDateTime, formatMonth } from './report-text.ts';

/** Markup made by {@link html}: the only text that goes into the document unescaped. */
class Markup {
  constructor(readonly text: string) {}
}

type Hole = string | number | Markup | readonly Markup[] | null;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The one escaping function of the customer report: every text (names, subjects, terms, numbers)
 * passes through it, in element content and in quoted attributes alike.
 *
 * @example
 * escapeHtml('<script>alert("R&D")</script>') // => '&lt;script&gt;alert(&quot;R&amp;D&quot;)&lt;/script&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** A template whose holes are escaped unless they are markup this module built (so escaping cannot be forgotten). */
function html(strings: TemplateStringsArray, ...holes: Hole[]): Markup {
  let out = strings[0] ?? '';
  holes.forEach((hole, index) => {
    out += render(hole) + (strings[index + 1] ?? '');
  });
  return new Markup(out);
}

function render(hole: Hole): string {
  if (hole === null) return '';
  if (typeof hole === 'string' || typeof hole === 'number') return escapeHtml(String(hole));
  if (hole instanceof Markup) return hole.text;
  return hole.map((part) => part.text).join('');
}

const STYLE = new Markup(`
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --card: #f6f8fa; --bad: #a40e26; --good: #116329; }
@media screen and (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --card: #151b23; --bad: #ff8182; --good: #56d364; }
  body { background: #0d1117; }
}
body { margin: 0; color: var(--fg); font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin: 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--line); }
.eyebrow, .meta, footer { color: var(--muted); }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.75rem; margin: 0; }
.figures div { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; }
.figures dt { color: var(--muted); font-size: 0.85rem; }
.figures dd { margin: 0; font-weight: 600; }
blockquote { margin: 0.75rem 0; padding-left: 0.75rem; border-left: 3px solid var(--line); color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin-top: 1rem; font-size: 0.9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: 0.25rem; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); }
thead th { border-bottom: 2px solid var(--line); }
.num { white-space: nowrap; }
.missed { color: var(--bad); font-weight: 600; }
.met { color: var(--good); }
.note { display: block; color: var(--muted); font-size: 0.8rem; }
footer { margin-top: 2.5rem; font-size: 0.85rem; }
@page { margin: 15mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  tr, .figures div { break-inside: avoid; }
  h2 { break-after: avoid; }
}
`);

function figure(label: string, value: Hole): Markup {
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function verdict(missed: boolean): Markup {
  return missed ? html`<span class="missed">missed</span>` : html`<span class="met">met</span>`;
}

function firstResponseCell(detail: ComplianceTicket): Markup {
  const first = detail.firstResponse;
  if (!first) return html`—`;
  const target = `target ${formatMinutes(first.targetMinutes)}`;
  const late = first.state === 'met_late' || first.state === 'breached';
  // A ticket the plan does not cover is shown for completeness, never judged.
  const judged = detail.covered && (first.minutes !== null || late);
  const time = first.minutes === null ? 'No reply yet' : formatMinutes(first.minutes);
  return judged ? html`${time} (${target}), ${verdict(late)}` : html`${time} (${target})`;
}

function laterResponsesCell(detail: ComplianceTicket): Markup {
  if (detail.laterResponses.length === 0) return html`—`;
  const each = detail.laterResponses.map((minutes) => formatMinutes(minutes)).join(', ');
  return detail.averageMinutes === null ? html`${each}` : html`${each}<span class="note">average ${formatMinutes(detail.averageMinutes)}</span>`;
}

function ticketRow(detail: ComplianceTicket, zone: string, estimated: ReadonlySet<string>): Markup {
  const href = httpUrl(detail.url);
  const notes = [
    ...(detail.covered ? [] : [html`<span class="note">Not covered by the plan: not counted in the figures.</span>`]),
    ...(estimated.has(detail.id) ? [html`<span class="note">Partly estimated: the full history was not available.</span>`] : []),
  ];
  return html`<tr>
<td class="num">${href === null ? detail.id : html`<a href="${href}">${detail.id}</a>`}</td>
<td>${detail.subject}${notes}</td>
<td class="num">${formatDateTime(detail.createdAt, zone)}</td>
<td>${detail.severity ?? '—'}</td>
<td>${firstResponseCell(detail)}</td>
<td>${laterResponsesCell(detail)}</td>
<td>${detail.breaches.length === 0 ? 'None' : html`<span class="missed">${detail.breaches.join(', ')}</span>`}</td>
</tr>`;
}

function tallyText(tally: MetricTally): string {
  const open = tally.open > 0 ? `, ${tally.open} still open` : '';
  return `${tally.met} met, ${tally.missed} missed${open}`;
}

const openTargets = (row: ComplianceRow): number => row.metrics.reduce((sum, tally) => sum + tally.open, 0);

function planSection(row: ComplianceRow, month: string, zone: string, today: string, estimated: ReadonlySet<string>): Markup {
  const { averageResponse: average } = row;
  const credit = creditText(row.credit, openTargets(row), today);
  const averageText =
    average.achievedMinutes === null
      ? 'No later responses'
      : `${formatMinutes(average.achievedMinutes)} over ${average.responses} ${average.responses === 1 ? 'response' : 'responses'}` +
        (average.targetMinutes === null ? '' : ` (target: at most ${formatMinutes(average.targetMinutes)})`);
  const figures = [
    figure('Tickets received', row.tickets),
    ...row.metrics.map((tally) => figure(tally.label, tallyText(tally))),
    figure('Average of later responses', averageText),
    figure('Service credit', credit.claim === null ? credit.amount : html`${credit.amount}<span class="note">${credit.claim}</span>`),
  ];
  const terms = [
    ...(credit.terms === null ? [] : [html`<blockquote>${credit.terms}</blockquote>`]),
    ...(credit.expiry === null ? [] : [html`<p class="meta">${credit.expiry}</p>`]),
  ];
  const tickets =
    row.ticketDetails.length === 0
      ? html`<p>No tickets were received under this plan in ${formatMonth(month)}.</p>`
      : html`<table>
<caption>Tickets received in ${formatMonth(month)}</caption>
<thead><tr><th scope="col">Ticket</th><th scope="col">Subject</th><th scope="col">Received</th><th scope="col">Severity</th><th scope="col">First response</th><th scope="col">Later responses</th><th scope="col">Targets missed</th></tr></thead>
<tbody>${row.ticketDetails.map((detail) => ticketRow(detail, zone, estimated))}</tbody>
</table>`;
  return html`<section>
<h2>${row.planName}</h2>
<dl class="figures">${figures}</dl>
${terms}
${tickets}
</section>`;
}

/** What the customer report needs besides the month's compliance. */
export interface CustomerReportOptions {
  /** The customer's time zone: dates and times in the report are local to them. */
  timezone: string;
  /** When the report was made (ISO instant): printed, and "today" for the claim window. */
  generatedAt: string;
  /** Ids of tickets whose clocks are estimates; only the customer's own tickets are ever marked. */
  estimatedTicketIds?: readonly string[];
}

/**
 * One customer's month as a self-contained HTML document for the customer: inline CSS, no scripts,
 * no external requests (a Content-Security-Policy says so to the browser too), printable to PDF.
 * It is built from that customer's rows alone — the rest of `compliance` is never read — and every
 * text goes through {@link escapeHtml}.
 *
 * @throws {RangeError} when the month has no row for `customerId`.
 * @example
 * const page = customerReportHtml(report.compliance, 'acme', { timezone: 'Europe/London', generatedAt: '2026-12-05T12:00:00Z' });
 * page.startsWith('<!doctype html>') // => true
 */
export function customerReportHtml(compliance: MonthlyCompliance, customerId: string, options: CustomerReportOptions): string {
  const rows = compliance.rows.filter((row) => row.customerId === customerId);
  const first = rows[0];
  if (!first) throw new RangeError(`no report rows for customer ${JSON.stringify(customerId)} in ${compliance.month}`);
  const { month } = compliance;
  const zone = options.timezone;
  const today = localIsoDate(zone, Date.parse(options.generatedAt));
  const estimated = new Set(options.estimatedTicketIds ?? []);
  const met = rows.reduce((sum, row) => sum + row.metrics.reduce((inner, tally) => inner + tally.met, 0), 0);
  const missed = rows.reduce((sum, row) => sum + row.metrics.reduce((inner, tally) => inner + tally.missed, 0), 0);
  const decided = met + missed;
  const credits = rows.map((row) => {
    const text = creditText(row.credit, openTargets(row), today).amount;
    return rows.length > 1 ? html`<span class="note">${row.planName}: ${text}</span>` : html`${text}`;
  });
  const title = `Support report: ${first.customerName}, ${formatMonth(month)}`;
  return `<!doctype html>\n${
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<p class="eyebrow">Support report</p>
<h1>${first.customerName}</h1>
<p class="meta">${formatMonth(month)} · times in ${zone} · response times count business time under your plan</p>
</header>
<section>
<h2>At a glance</h2>
<dl class="figures">
${figure('Tickets received', rows.reduce((sum, row) => sum + row.tickets, 0))}
${figure('Targets met', decided === 0 ? 'None decided yet' : `${met} of ${decided} (${Math.round((met / decided) * 1000) / 10} %)`)}
${figure('Targets missed', missed)}
${figure('Service credit', credits)}
</dl>
</section>
${rows.map((row) => planSection(row, month, zone, today, estimated))}
<footer>
<p>A response counts from your message to our first public reply; the average of later responses is over every reply after the first, until the ticket is resolved. Only business time under your plan counts.</p>
<p>Generated on ${formatDateTime(options.generatedAt, zone)} (${zone}).</p>
</footer>
</main>
</body>
</html>`.text
  }\n`;
}

/**
 * The file name of a customer's report.
 *
 * @example
 * customerReportFileName('acme', '2026-11') // => 'sla-report-acme-2026-11.html'
 */
export function customerReportFileName(customerId: string, month: string): string {
  return `sla-report-${customerId}-${month}.html`;
}
