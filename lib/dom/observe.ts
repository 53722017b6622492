/**
 * Observe, don't poll (Refined GitHub's selector-observer, docs: aesthetics.md section 1): helpdesks
 * are SPAs that render rows and panes whenever they like, so we react to DOM insertions instead of
 * checking on a timer.
 */

/** What to look for: selectors (alternatives, any of which may match) or a finder such as an adapter's `listRows`. */
export type ElementTarget = string | readonly string[] | ((root: ParentNode) => Iterable<Element>);

export interface ObserveOptions {
  /** Stops observing (the page was left or the content script invalidated). */
  signal: AbortSignal;
  /** Where to look and listen; the whole document by default. */
  root?: ParentNode & Node;
  /**
   * Inserted nodes that are not news, e.g. our own badge hosts: inserting 500 badges must not make
   * us scan the page again 500 times.
   */
  ignore?: (node: Node) => boolean;
}

/**
 * Calls `callback` with the elements matching `target` now, then with new ones as they are
 * inserted, each element once (handled elements are remembered in a WeakSet, so the page's markup
 * is never marked). One MutationObserver; a burst of insertions costs one scan in the next
 * animation frame, so hidden tabs do no work until they are shown.
 *
 * @example
 * observe(['tr[data-test-id="generic-table-row"]'], (rows) => rows.forEach(decorate), { signal: ctx.signal });
 * observe(() => adapter.listRows(document).map((row) => row.element), decorateRows, { signal });
 */
export function observe(target: ElementTarget, callback: (elements: Element[]) => void, options: ObserveOptions): void {
  const { signal, root = document, ignore } = options;
  if (signal.aborted) return;
  const find = typeof target === 'function' ? target : (scope: ParentNode) => scope.querySelectorAll(typeof target === 'string' ? target : target.join(', '));
  const seen = new WeakSet<Element>();
  let frame: number | undefined;

  const scan = () => {
    frame = undefined;
    if (signal.aborted) return;
    const fresh: Element[] = [];
    for (const element of find(root)) {
      if (seen.has(element)) continue;
      seen.add(element);
      fresh.push(element);
    }
    if (fresh.length > 0) callback(fresh);
  };
  const hasNews = (records: MutationRecord[]) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE && !ignore?.(node)) return true;
    }
    return false;
  };
  const observer = new MutationObserver((records) => {
    if (frame === undefined && hasNews(records)) frame = requestAnimationFrame(scan);
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    },
    { once: true },
  );
  scan();
}
