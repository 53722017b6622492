/**
 * Reading a list page: every adapter finds its rows (by selector alternatives, or as an admin configured
 * them) and reads a ticket id from each row in its own way (a link, a data attribute, an id cell).
 */
import type { ListRow } from '../types.ts';

/**
 * Each row with the ticket id `idOf` reads from it, in page order. A row without a readable id is left
 * out: no badge is better than a badge for the wrong ticket.
 *
 * @example
 * rowsWithTicketIds(selectAllFirst(document, [
 *   '.table-overview tr.item[data-id]', // classic UI overview
 * ]), (row) => row.getAttribute('data-id') ?? undefined)
 * // => [{ ticketId: '2317', element: <tr> }, …]
 */
export function rowsWithTicketIds(rows: readonly Element[], idOf: (row: Element) => string | undefined): ListRow[] {
  return rows.flatMap((element) => {
    const ticketId = idOf(element);
    return ticketId ? [{ ticketId, element }] : [];
  });
}
