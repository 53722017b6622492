// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsWithTicketIds } from '../../../lib/adapters/shared/list-rows.ts';

beforeEach(() => {
  document.body.innerHTML = `
    <table>
      <tr class="row" data-id="1"></tr>
      <tr class="row"></tr>
      <tr class="row" data-id="3"></tr>
    </table>`;
});
const rows = () => [...document.querySelectorAll('tr.row')];

describe('rowsWithTicketIds', () => {
  it('pairs each row with the id read from it, in page order', () => {
    const found = rowsWithTicketIds(rows(), (row) => row.getAttribute('data-id') ?? undefined);
    expect(found.map((row) => row.ticketId)).toEqual(['1', '3']);
    expect(found[0]?.element).toBe(rows()[0]);
    expect(found[1]?.element).toBe(rows()[2]);
  });

  it('leaves out rows without a readable id, empty ids included (no badge rather than a wrong one)', () => {
    expect(rowsWithTicketIds(rows(), () => '')).toEqual([]);
    expect(rowsWithTicketIds(rows(), () => undefined)).toEqual([]);
  });

  it('finds nothing in no rows', () => {
    expect(rowsWithTicketIds([], () => '1')).toEqual([]);
  });
});
