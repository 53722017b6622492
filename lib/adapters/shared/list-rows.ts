/**
 * Reading a list page: every adapter finds the rows by selector alternatives and reads a ticket id
 * from each row in its own way (a link, a data attribute, an id cell).
 */
import { selectAllFirst } from '../../dom/select-first.ts';
import type { ListRow } from '../types.ts';

/**
 * The rows matched by the first of `rowSelectors` that matches anything, each with the ticket id
 * `idOf` reads from it. A row without a readable id is left out: no badge is better than a badge
 * for the wrong ticket.
 *
 * @example
 * listRowsWithIds(document, [
 *   '.table-overview tr.item[data-id]', // classic UI overview
 * ], (row) => row.getAttribute('data-id') ?? undefined)
 * // => [{ ticketId: '2317', element: <tr> }, …]
 */
export function listRowsWithIds(root: ParentNode, rowSelectors: readonly string[], idOf: (row: Element) => string | undefined): ListRow[] {
  return selectAllFirst(root, rowSelectors).flatMap((element) => {
    const ticketId = idOf(element);
    return ticketId ? [{ ticketId, element }] : [];
  });
}
