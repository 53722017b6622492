// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { listRowsWithIds } from '../../../lib/adapters/shared/list-rows.ts';

beforeEach(() => {
  document.body.innerHTML = `
    <table class="old"><tr class="row" data-id="9"></tr></table>
    <table class="new">
      <tr class="row" data-id="1"></tr>
      <tr class="row"></tr>
      <tr class="row" data-id="3"></tr>
    </table>`;
});

describe('listRowsWithIds', () => {
  it('reads an id from each row of the first selector alternative that matches', () => {
    const rows = listRowsWithIds(document, ['table.missing tr', 'table.new tr.row', 'table.old tr.row'], (row) => row.getAttribute('data-id') ?? undefined);
    expect(rows.map((row) => row.ticketId)).toEqual(['1', '3']);
    expect(rows[0]?.element).toBe(document.querySelector('table.new tr.row'));
  });

  it('leaves out rows without a readable id (no badge rather than a wrong one)', () => {
    const rows = listRowsWithIds(document, ['table.new tr.row'], (row) => row.getAttribute('data-id') || undefined);
    expect(rows).toHaveLength(2);
    expect(listRowsWithIds(document, ['table.new tr.row'], () => '')).toEqual([]);
  });

  it('finds nothing when no alternative matches', () => {
    expect(listRowsWithIds(document, ['ul.queue li'], () => '1')).toEqual([]);
  });
});
