/**
 * Helpdesk markup changes without notice, so every selector is an ordered list of alternatives
 * (newest UI first, each with a comment in the adapter saying which UI it is for).
 */
import { collapseWhitespace } from './collapse-whitespace.ts';

/**
 * The first element matched by the first alternative that matches anything.
 *
 * @example
 * selectFirst(document, [
 *   '[data-test-id="ticket-pane"]', // Agent Workspace
 *   '.ticket-pane', // legacy UI
 * ])
 */
export function selectFirst<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | undefined {
  for (const selector of selectors) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return undefined;
}

/**
 * All elements matched by the first alternative that matches anything.
 *
 * @example
 * selectAllFirst(document, ['tbody.list-item[data-record-id]']).length // => 25
 */
export function selectAllFirst<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll<E>(selector);
    if (found.length > 0) return [...found];
  }
  return [];
}

/**
 * Trimmed, whitespace-collapsed text of the first match, or `undefined`.
 *
 * @example
 * textOfFirst(document, ['#header h1']) // => '#1: Cannot log in'
 */
export function textOfFirst(root: ParentNode, selectors: readonly string[]): string | undefined {
  const text = collapseWhitespace(selectFirst(root, selectors)?.textContent ?? '');
  return text ? text : undefined;
}
