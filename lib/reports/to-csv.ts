/** A CSV cell: text, a number (written as is), or nothing. */
export type CsvCell = string | number | null;

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`, and tab or
 * carriage return, which some spreadsheets strip before looking for those.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One field, RFC 4180 style: quoted (with `"` doubled) when it holds a comma, quote or line break.
 * Text that a spreadsheet would evaluate gets a leading `'`, so a subject such as
 * `=HYPERLINK("http://evil.example")` stays text; numbers are never guarded (a negative number is
 * not a formula), and non-finite numbers are left empty.
 *
 * @example
 * csvField('Printer, 2nd floor') // => '"Printer, 2nd floor"'
 * csvField('=1+1') // => "'=1+1"
 * csvField(-5) // => '-5'
 */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV document (RFC 4180): the header, then one record per row, each ending in CRLF. Every row
 * must have as many cells as the header, so a column can never shift.
 *
 * @throws {RangeError} when a row's length differs from the header's.
 * @example
 * toCsv(['id', 'subject'], [['42', 'Hello, "world"']]) // => 'id,subject\r\n42,"Hello, ""world"""\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header.map(csvField).join(',')];
  rows.forEach((row, index) => {
    if (row.length !== header.length) throw new RangeError(`CSV row ${index + 1} has ${row.length} cells; the header has ${header.length}`);
    lines.push(row.map(csvField).join(','));
  });
  return lines.map((line) => `${line}\r\n`).join('');
}
