import type { StripContent } from './ticket-strip.tsx';
import { NotRecognizedError } from '../../lib/adapters/types.ts';
import { observe } from '../../lib/dom/observe.ts';
import { nextTextChangeAt, reevaluateAt, toCountdown, type Countdown } from '../../lib/overlay/countdown.ts';
import type { TickerTask } from '../../lib/overlay/ticker.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { earliest, isOverlayHost, messageOf, RECOGNITION_TIMEOUT_MS, REEVALUATE_AT_MOST_EVERY_MS, type DiagnosticsRequest, type PageContext, type PageView } from './page-context.ts';
import { mountStrip, type StripHandle } from './strip-ui.tsx';

/**
 * A ticket page: reads the ticket through the adapter, asks the background for its clocks, and
 * draws the strip after the adapter's anchor whenever that anchor (re)appears. The strip's
 * countdowns tick through the page's ticker while on screen; the ticket is read and evaluated again
 * at the clocks' `nextChangeAt` or business-window end.
 */
export function startTicketPage(page: PageContext, ticketId: string): PageView {
  const { adapter, source, signal, ticker, visibility, errors } = page;
  const capture = (where: string) => (error: unknown) => errors.capture(error, where);
  const startedAt = page.now();
  let ticket: Ticket | undefined;
  let content: StripContent = { kind: 'loading' };
  let countdowns: Countdown[] = [];
  let strip: StripHandle | undefined;
  let mounts = 0;
  let readOutcome: Pick<DiagnosticsRequest, 'recognized' | 'ticketsRead' | 'lastTicketId' | 'error'> | undefined;
  let anchorMissing = false;
  /** When the helpdesk or the background was last asked: the floor under asking again. */
  let askedAt = startedAt;

  const draw = (nowMs: number) => strip?.render({ ticketId, content, nowMs, agentZone: page.agentZone });
  const countdownTask: TickerTask = { nextRunAt: (nowMs) => earliest(countdowns.map((countdown) => nextTextChangeAt(countdown, nowMs))), run: draw };
  const reevaluateTask: TickerTask = {
    nextRunAt: () => {
      const due = earliest(countdowns.map(reevaluateAt));
      return due === null ? null : Math.max(due, askedAt + REEVALUATE_AT_MOST_EVERY_MS);
    },
    // Read again too: replies that came in meanwhile change the clocks as much as time does.
    run: () => reread(),
  };
  const reread = () => void read().catch(capture('read the ticket'));
  const recognitionTask: TickerTask = {
    nextRunAt: () => (strip || anchorMissing ? null : startedAt + RECOGNITION_TIMEOUT_MS),
    run: () => {
      anchorMissing = strip === undefined;
      settle();
    },
  };

  /** Diagnostics once the read is done and the anchor was found or given up on. */
  const settle = () => {
    if (!readOutcome) return;
    if (strip) page.report(readOutcome);
    else if (anchorMissing) page.report({ ...readOutcome, recognized: false, error: readOutcome.error ?? 'no place for the strip: the ticket anchor was not found' });
  };

  const show = (next: StripContent) => {
    content = next;
    countdowns = next.kind === 'evaluated' ? next.evaluation.clocks.map((clock) => toCountdown(clock, next.evaluation.evaluatedAt)) : [];
    draw(page.now());
    ticker.update(countdownTask);
    ticker.update(reevaluateTask);
  };

  async function evaluate(): Promise<void> {
    if (!ticket) return;
    const { id } = ticket;
    askedAt = page.now();
    try {
      const { evaluations, configured } = await page.evaluate([ticket]);
      if (signal.aborted) return;
      const evaluation = evaluations.find((candidate) => candidate.ticketId === id);
      if (!configured) show({ kind: 'not-configured' });
      else show(evaluation ? { kind: 'evaluated', evaluation } : { kind: 'problem', message: 'the extension returned no clocks for it' });
    } catch (error) {
      errors.capture(error, 'evaluate the ticket');
      if (!signal.aborted) show({ kind: 'problem', message: messageOf(error) });
    }
  }

  async function read(): Promise<void> {
    askedAt = page.now();
    try {
      ticket = await adapter.readTicket(source, ticketId);
      readOutcome = { recognized: true, ticketsRead: 1, lastTicketId: ticketId };
    } catch (error) {
      if (signal.aborted) return;
      errors.capture(error, 'read the ticket');
      readOutcome = { recognized: !(error instanceof NotRecognizedError), ticketsRead: 0, lastTicketId: ticketId, error: messageOf(error) };
      page.report(readOutcome);
      show({ kind: 'problem', message: messageOf(error) });
      return;
    }
    if (signal.aborted) return;
    settle();
    await evaluate();
  }

  const unmount = () => {
    if (!strip) return;
    visibility.unwatch(strip.host);
    ticker.setVisible(countdownTask, false);
    strip.remove();
    strip = undefined;
  };
  async function mountAt(anchor: Element): Promise<void> {
    const mount = ++mounts;
    unmount();
    const handle = await mountStrip(page.ctx, anchor, (error) => errors.capture(error, 'render the strip'));
    // Left meanwhile, or a newer anchor appeared while this one mounted.
    if (signal.aborted || mount !== mounts) {
      handle.remove();
      return;
    }
    strip = handle;
    draw(page.now());
    visibility.watch(handle.host, countdownTask);
    settle();
  }
  const remountAt = (anchor: Element) => mountAt(anchor).catch(capture('mount the strip'));

  const findAnchor = errors.guard(
    'find the ticket anchor',
    (): Element[] => {
      const anchor = adapter.ticketAnchor(document, ticketId, page.site);
      // The helpdesk re-rendered around the strip but kept the anchor: put the strip back.
      if (strip && anchor === strip.anchor && !strip.host.isConnected) void remountAt(anchor);
      return anchor ? [anchor] : [];
    },
    [],
  );
  const onAnchors = errors.guard(
    'show the strip',
    (anchors: Element[]) => {
      const anchor = anchors[anchors.length - 1];
      if (anchor) void remountAt(anchor);
    },
    undefined,
  );

  ticker.add(countdownTask, false);
  ticker.add(reevaluateTask, true);
  ticker.add(recognitionTask, true);
  signal.addEventListener('abort', unmount, { once: true });
  observe(findAnchor, onAnchors, { signal, ignore: isOverlayHost });
  reread();
  return { reread };
}
