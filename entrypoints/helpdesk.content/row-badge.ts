import { BADGE_CSS } from '../../components/overlay/overlay-styles.ts';
import { describeState } from '../../lib/overlay/clock-view.ts';
import { countdownText, nextTextChangeAt, remainingAt } from '../../lib/overlay/countdown.ts';
import type { TickerTask } from '../../lib/overlay/ticker.ts';
import type { RankedClock } from '../../lib/overlay/urgency.ts';

export const BADGE_TAG = 'sla-lens-badge';

/** What a row's badge shows: its most urgent clock, or why there is none. */
export type BadgeContent = { kind: 'clock'; label: string; ranked: RankedClock } | { kind: 'no-plan'; reason: string } | { kind: 'no-clocks' };

/**
 * A list row's badge. Not React: a page of 500 rows would need 500 React roots, and a tick would
 * re-render them; this is a shadow root with four text nodes, and a tick rewrites only the text
 * that changed (see bench/overlay.ts for the measurements).
 */
export interface RowBadge {
  readonly host: HTMLElement;
  readonly row: Element;
  ticketId: string;
  content: BadgeContent | undefined;
  /** Ticks the countdown; registered with the page's ticker. */
  readonly task: TickerTask;
  show(content: BadgeContent, nowMs: number): void;
  setRank(rank: number | undefined): void;
  /** Inserts the host into its row, or puts it back after the helpdesk re-rendered the row without it. */
  attach(): void;
  remove(): void;
}

/** Where in a row the badge goes: a table row gets it in the cell with the ticket link (the subject, usually), else its last cell. */
function badgeSlot(row: Element): Element {
  if (!(row instanceof HTMLTableRowElement) || row.cells.length === 0) return row;
  const cells = [...row.cells];
  return cells.find((cell) => cell.querySelector('a[href]')) ?? cells[cells.length - 1] ?? row;
}

function span(className: string, text = ''): HTMLSpanElement {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * Creates a row's badge, not yet inserted: `show` it, then `attach` it, so inserting costs the page
 * one DOM mutation. `titleFor` is asked on hover, so the Luxon formatting of deadlines is paid only
 * for rows someone looks at.
 */
export function createRowBadge(row: Element, ticketId: string, titleFor: (badge: RowBadge) => string): RowBadge {
  const host = document.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  const box = span('badge');
  const icon = span('icon');
  icon.setAttribute('aria-hidden', 'true');
  const label = span('sr-only');
  const time = span('time');
  const rank = span('rank');
  box.append(icon, label, time, rank);
  shadow.append(style, box);

  let shownState = '';
  const setText = (node: HTMLElement, text: string) => {
    if (node.textContent !== text) node.textContent = text;
  };
  const draw = (nowMs: number) => {
    const content = badge.content;
    if (content?.kind !== 'clock') return;
    const { clock, countdown } = content.ranked;
    const remaining = remainingAt(countdown, nowMs);
    const state = describeState(clock, remaining);
    if (state.state !== shownState) {
      shownState = state.state;
      box.dataset.state = state.state;
      setText(icon, state.icon);
    }
    setText(time, countdownText(countdown, nowMs) ?? state.name);
  };

  const badge: RowBadge = {
    host,
    row,
    ticketId,
    content: undefined,
    task: {
      nextRunAt: (nowMs) => (badge.content?.kind === 'clock' ? nextTextChangeAt(badge.content.ranked.countdown, nowMs) : null),
      run: draw,
    },
    show(content, nowMs) {
      badge.content = content;
      shownState = '';
      if (content.kind === 'clock') {
        box.dataset.binding = content.ranked.clock.binding ? 'binding' : 'target';
        setText(label, `${content.label}: `);
        draw(nowMs);
        return;
      }
      delete box.dataset.binding;
      box.dataset.state = content.kind;
      setText(icon, '–');
      setText(label, 'SLA: ');
      setText(time, content.kind === 'no-plan' ? 'no plan' : 'no clocks');
    },
    setRank(value) {
      setText(rank, value === undefined ? '' : `#${value} by SLA`);
    },
    attach() {
      if (!host.isConnected && row.isConnected) badgeSlot(row).append(host);
    },
    remove() {
      host.remove();
    },
  };
  host.addEventListener('pointerenter', () => {
    host.title = titleFor(badge);
  });
  return badge;
}
