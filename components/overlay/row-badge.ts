import { BADGE_CSS } from './overlay-styles.ts';
import { describeState } from '../../lib/overlay/clock-view.ts';
import { countdownText, nextTextChangeAt, remainingAt } from '../../lib/overlay/countdown.ts';
import type { TickerTask } from '../../lib/overlay/ticker.ts';
import type { RankedClock } from '../../lib/overlay/urgency.ts';

const BADGE_TAG = 'sla-lens-badge';

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
  readonly ticketId: string;
  content: BadgeContent | undefined;
  /** Ticks the countdown; registered with the page's ticker. */
  readonly task: TickerTask;
  show(content: BadgeContent, nowMs: number): void;
  setRank(rank: number | undefined): void;
  /** Inserts the host into its row, or puts it back after the helpdesk re-rendered the row without it. */
  attach(): void;
  remove(): void;
}

/**
 * Where in a row the badge goes. A table row only takes cells, so its badge goes into the cell with
 * the first link (the subject, usually) or else its last cell; any other row takes the badge itself.
 */
function badgeSlot(row: Element): Element {
  if (row.nodeName !== 'TR') return row;
  const linkCell = row.querySelector('a[href]')?.closest('td, th');
  if (linkCell?.parentElement === row) return linkCell;
  return row.lastElementChild ?? row;
}

/** A span holding one text node, rewritten only when its text changes (a tick touches no more DOM than it must). */
function textSpan(className: string): { element: HTMLSpanElement; set: (text: string) => void } {
  const element = document.createElement('span');
  element.className = className;
  const text = document.createTextNode('');
  element.append(text);
  return {
    element,
    set: (value) => {
      if (text.data !== value) text.data = value;
    },
  };
}

/**
 * Creates a row's badge, not yet inserted: `show` it, then `attach` it, so inserting costs the page
 * one DOM mutation. Its hover text is set by the list page on `pointerover` (one listener for all
 * badges), so the Luxon formatting of deadlines is paid only for rows someone points at.
 */
export function createRowBadge(row: Element, ticketId: string): RowBadge {
  const host = document.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = BADGE_CSS;
  const box = document.createElement('span');
  box.className = 'badge';
  const [icon, label, time, rank] = [textSpan('icon'), textSpan('sr-only'), textSpan('time'), textSpan('rank')];
  icon.element.setAttribute('aria-hidden', 'true');
  box.append(icon.element, label.element, time.element, rank.element);
  shadow.append(style, box);

  let shownState = '';
  const draw = (nowMs: number) => {
    const content = badge.content;
    if (content?.kind !== 'clock') return;
    const { clock, countdown } = content.ranked;
    const state = describeState(clock, remainingAt(countdown, nowMs));
    if (state.state !== shownState) {
      shownState = state.state;
      box.dataset.state = state.state;
      icon.set(state.icon);
    }
    // A finished clock has no time left to show (paused and waiting ones keep theirs, frozen, next to their icon).
    const finished = state.state === 'met' || state.state === 'met_late';
    time.set((finished ? undefined : countdownText(countdown, nowMs)) ?? state.name);
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
        label.set(`${content.label}: `);
        draw(nowMs);
        return;
      }
      delete box.dataset.binding;
      box.dataset.state = content.kind;
      icon.set('–');
      label.set('SLA: ');
      time.set(content.kind === 'no-plan' ? 'no plan' : 'no clocks');
    },
    setRank(value) {
      rank.set(value === undefined ? '' : `#${value} by SLA`);
    },
    attach() {
      if (!host.isConnected && row.isConnected) badgeSlot(row).append(host);
    },
    remove() {
      host.remove();
    },
  };
  return badge;
}
