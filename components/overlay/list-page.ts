import { NotRecognizedError } from '../../lib/adapters/types.ts';
import { observe } from '../../lib/dom/observe.ts';
import { clockLabel, describeClock } from '../../lib/overlay/clock-view.ts';
import { reevaluateAt, toCountdown } from '../../lib/overlay/countdown.ts';
import { mostUrgentClock, rankBySla } from '../../lib/overlay/urgency.ts';
import type { TicketEvaluation } from '../../lib/plans/evaluation-schema.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { earliest, isOverlayHost, messageOf, RECOGNITION_TIMEOUT_MS, REEVALUATE_AT_MOST_EVERY_MS, type PageContext, type PageView } from './page-context.ts';
import { createRowBadge, type BadgeContent, type RowBadge } from './row-badge.ts';

function badgeContent(evaluation: TicketEvaluation, nowMs: number): BadgeContent {
  if (evaluation.match.status === 'no_plan') return { kind: 'no-plan', reason: evaluation.match.reason };
  const ranked = mostUrgentClock(evaluation.clocks, evaluation.evaluatedAt, nowMs);
  return ranked ? { kind: 'clock', label: clockLabel(ranked.clock), ranked } : { kind: 'no-clocks' };
}

/**
 * A list or queue page: one badge per row with the row's most urgent clock and its rank by SLA
 * among the rows on the page (helpdesks cannot sort by our deadlines). Rows are found by the
 * adapter whenever the DOM gains elements; only new rows are read, in one `readTickets` call per
 * batch of rows.
 */
export function startListPage(page: Omit<PageContext, 'ctx'>): PageView {
  const { adapter, source, signal, ticker, visibility, errors } = page;
  const capture = (where: string) => (error: unknown) => errors.capture(error, where);
  const startedAt = page.now();
  /** Row → ticket id, as of the adapter's last scan. */
  let rowIds = new Map<Element, string>();
  const badges = new Map<Element, RowBadge>();
  const badgeOfHost = new WeakMap<Element, RowBadge>();
  const shown = new Map<RowBadge, TicketEvaluation>();
  const tickets = new Map<string, Ticket>();
  const evaluations = new Map<string, { evaluation: TicketEvaluation; reevaluateAt: number | null }>();
  let configured = true;
  /** When the helpdesk or the background was last asked: the floor under asking again. */
  let askedAt = startedAt;

  const reevaluateTask = {
    nextRunAt: () => {
      const due = earliest([...evaluations.values()].map((entry) => entry.reevaluateAt));
      return due === null ? null : Math.max(due, askedAt + REEVALUATE_AT_MOST_EVERY_MS);
    },
    // The rows still on the page, read again: replies change the clocks as much as time does.
    run: () => reread(),
  };
  const recognitionTask = {
    nextRunAt: () => (rowIds.size > 0 ? null : startedAt + RECOGNITION_TIMEOUT_MS),
    run: () => {
      if (rowIds.size === 0) page.report({ recognized: false, ticketsRead: 0, error: 'no ticket rows were found on the list page' });
    },
  };

  const drop = (badge: RowBadge) => {
    ticker.remove(badge.task);
    visibility.unwatch(badge.host);
    badge.remove();
    badges.delete(badge.row);
    shown.delete(badge);
  };

  /** A badge's hover text: the clock in full words, both deadlines, what else is known. */
  const titleFor = (badge: RowBadge): string => {
    const content = badge.content;
    if (content?.kind === 'no-plan') return `SLA Lens: no plan (${content.reason})`;
    if (content?.kind !== 'clock') return 'SLA Lens: no clocks apply to this ticket';
    const { clock, countdown } = content.ranked;
    const view = describeClock(clock, countdown, { nowMs: page.now(), agentZone: page.agentZone });
    return [
      `${view.label}: ${view.name}, ${view.status}`,
      view.deadline,
      view.customerDeadline,
      view.binding ? null : 'target, not binding',
      view.estimated ? 'estimated' : null,
      ...view.details,
    ]
      .filter((part): part is string => part !== null)
      .join('\n');
  };

  /** Draws every row that has an evaluation and ranks the rows; only changed badges are touched. */
  const render = () => {
    if (signal.aborted) return;
    const nowMs = page.now();
    const rows: { row: Element; content: BadgeContent; evaluation: TicketEvaluation }[] = [];
    for (const [row, id] of rowIds) {
      const entry = evaluations.get(id);
      if (!entry) continue;
      const badge = badges.get(row);
      const content = badge && shown.get(badge) === entry.evaluation && badge.content ? badge.content : badgeContent(entry.evaluation, nowMs);
      rows.push({ row, content, evaluation: entry.evaluation });
    }
    const ranks = rankBySla(rows.map(({ row, content }) => ({ id: row, key: content.kind === 'clock' ? content.ranked.key : undefined })));
    for (const { row, content, evaluation } of rows) {
      let badge = badges.get(row);
      if (!badge) {
        badge = createRowBadge(row, rowIds.get(row) ?? '');
        badges.set(row, badge);
        badgeOfHost.set(badge.host, badge);
        ticker.add(badge.task, false);
        visibility.watch(badge.host, badge.task);
      }
      if (shown.get(badge) !== evaluation) {
        badge.show(content, nowMs);
        shown.set(badge, evaluation);
        ticker.update(badge.task);
      }
      badge.setRank(ranks.get(row));
      badge.attach();
    }
    ticker.update(reevaluateTask);
  };

  async function evaluate(batch: readonly Ticket[]): Promise<void> {
    if (batch.length === 0 || !configured) return;
    askedAt = page.now();
    const response = await page.evaluate(batch);
    if (signal.aborted) return;
    configured = response.configured;
    for (const evaluation of response.evaluations) {
      const reevaluate = earliest(evaluation.clocks.map((clock) => reevaluateAt(toCountdown(clock, evaluation.evaluatedAt))));
      evaluations.set(evaluation.ticketId, { evaluation, reevaluateAt: reevaluate });
    }
    render();
  }

  async function read(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    askedAt = page.now();
    let batch: Ticket[];
    try {
      batch = await adapter.readTickets(source, ids);
    } catch (error) {
      if (signal.aborted) return;
      errors.capture(error, 'read the rows');
      page.report({ recognized: !(error instanceof NotRecognizedError), ticketsRead: tickets.size, error: messageOf(error) });
      return;
    }
    if (signal.aborted) return;
    for (const ticket of batch) tickets.set(ticket.id, ticket);
    page.report({ recognized: true, ticketsRead: tickets.size, lastTicketId: batch[batch.length - 1]?.id });
    await evaluate(batch);
  }
  const readRows = (ids: readonly string[]) => void read(ids).catch(capture('read the rows'));
  const reread = () => readRows([...new Set(rowIds.values())]);

  /** Reads the tickets not read yet and draws the rows of those already read. */
  const decorate = (ids: Iterable<string>) => {
    const unread = new Set<string>();
    let known = false;
    for (const id of ids) {
      if (tickets.has(id)) known = true;
      else unread.add(id);
    }
    if (known) render();
    readRows([...unread]);
  };
  /**
   * The adapter's rows, for `observe`. Each scan also reconciles the badges with the page: badges of
   * rows that left are dropped, badges the helpdesk wiped are put back, and a row element reused for
   * another ticket gets that ticket's badge.
   */
  const scanRows = errors.guard(
    'find the rows',
    (): Element[] => {
      const rows = adapter.listRows(document, page.site);
      rowIds = new Map(rows.map((row) => [row.element, row.ticketId]));
      const reused: string[] = [];
      for (const [row, badge] of badges) {
        const id = rowIds.get(row);
        if (id === undefined || !row.isConnected) drop(badge);
        else if (id !== badge.ticketId) {
          drop(badge);
          reused.push(id);
        } else badge.attach();
      }
      if (reused.length > 0) decorate(reused);
      return rows.map((row) => row.element);
    },
    [],
  );
  const onNewRows = errors.guard(
    'decorate new rows',
    (elements: Element[]) => decorate(elements.flatMap((element) => rowIds.get(element) ?? [])),
    undefined,
  );

  // Hover text for every badge from one listener: events from inside a badge reach the document retargeted to its host.
  const describeHovered = errors.guard(
    'describe a badge',
    (event: Event) => {
      const badge = event.target instanceof Element ? badgeOfHost.get(event.target) : undefined;
      if (badge) badge.host.title = titleFor(badge);
    },
    undefined,
  );
  document.addEventListener('pointerover', describeHovered, { signal });
  ticker.add(reevaluateTask, true);
  ticker.add(recognitionTask, true);
  signal.addEventListener('abort', () => [...badges.values()].forEach(drop), { once: true });
  observe(scanRows, onNewRows, { signal, ignore: isOverlayHost });
  return { reread };
}
