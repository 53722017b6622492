import { describe, expect, it } from 'vitest';
import { SUMMARY_COLUMNS, summaryCsv, TICKET_COLUMNS, ticketsCsv } from '../../lib/reports/compliance-csv.ts';
import { csvField, toCsv } from '../../lib/reports/to-csv.ts';
import { acmeBasic, acmePriority, initechQuiet } from './compliance-fixture.ts';

/** Splits RFC 4180 text into records of fields (quotes honoured), to read back what was written. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += char;
  }
  return records;
}

describe('csvField', () => {
  it('leaves plain text and numbers alone', () => {
    expect(csvField('Acme')).toBe('Acme');
    expect(csvField(42.5)).toBe('42.5');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    expect(csvField('Printer, 2nd floor')).toBe('"Printer, 2nd floor"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])('guards %j against formula injection', (text) => {
    const written = csvField(text);
    expect(parseCsv(`${written}\r\n`)[0]?.[0]).toBe(`'${text}`);
  });

  it('guards and quotes together when needed', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe('"\'=HYPERLINK(""http://evil.example"",""x"")"');
  });

  it('never guards numbers: a negative number is a number', () => {
    expect(csvField(-5)).toBe('-5');
  });

  it('guards only the start of the text', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('user@example.com')).toBe('user@example.com');
  });
});

describe('toCsv', () => {
  it('writes the header and each record, every line ending in CRLF', () => {
    expect(toCsv(['id', 'subject'], [['1', 'Hello, "world"'], ['2', null]])).toBe('id,subject\r\n1,"Hello, ""world"""\r\n2,\r\n');
  });

  it('round-trips awkward subjects through an RFC 4180 reader', () => {
    const subjects = ['a,b', 'she said "no"', 'two\nlines', 'crlf\r\nhere', '', ' padded '];
    const records = parseCsv(toCsv(['subject'], subjects.map((subject) => [subject])));
    expect(records.slice(1).map((record) => record[0])).toEqual(subjects);
  });

  it('refuses a row whose length differs from the header', () => {
    expect(() => toCsv(['a', 'b'], [['1']])).toThrow(/row 1 has 1 cells; the header has 2/);
  });
});

describe('summaryCsv', () => {
  const records = parseCsv(summaryCsv('2026-11', [acmePriority, acmeBasic, initechQuiet]));

  it('has its columns in a fixed order, one set of three per metric', () => {
    expect(records[0]).toEqual([...SUMMARY_COLUMNS]);
    expect(records[0]?.slice(0, 10)).toEqual([
      'month',
      'customer_id',
      'customer',
      'plan_id',
      'plan',
      'tickets',
      'tickets_not_covered',
      'first_response_met',
      'first_response_missed',
      'first_response_open',
    ]);
    expect(records[0]?.slice(-6)).toEqual(['credit_owed', 'credit_amount', 'credit_currency', 'credit_up_to', 'credit_claim_by', 'credit_expires_after_months']);
  });

  it('writes one record per customer and plan, empty where a metric or credit does not apply', () => {
    const column = (name: (typeof SUMMARY_COLUMNS)[number]) => SUMMARY_COLUMNS.indexOf(name);
    const [, acme, basic, initech] = records;
    expect(acme?.[column('customer')]).toBe('Acme');
    expect(acme?.[column('tickets_not_covered')]).toBe('1');
    expect([acme?.[column('first_response_met')], acme?.[column('first_response_missed')]]).toEqual(['2', '1']);
    expect(acme?.[column('next_response_met')]).toBe('');
    expect(acme?.[column('average_later_response_minutes')]).toBe('42.5');
    expect([acme?.[column('credit_owed')], acme?.[column('credit_amount')], acme?.[column('credit_claim_by')]]).toEqual(['yes', '400', '2026-12-30']);
    expect(basic?.[column('credit_owed')]).toBe('');
    expect(initech?.[column('attainment_percent')]).toBe('');
    expect(records).toHaveLength(4);
  });
});

describe('ticketsCsv', () => {
  const text = ticketsCsv('2026-11', [acmePriority, acmeBasic]);
  const records = parseCsv(text);

  it('has its columns in a fixed order', () => {
    expect(records[0]).toEqual([...TICKET_COLUMNS]);
    expect(TICKET_COLUMNS.slice(5, 8)).toEqual(['ticket_id', 'subject', 'created_at']);
  });

  it('keeps subjects with commas, quotes and newlines in one field, and guards formulas', () => {
    const subject = TICKET_COLUMNS.indexOf('subject');
    expect(records.slice(1).map((record) => record[subject])).toEqual([
      'Printer, 2nd floor: "offline"\nagain',
      '\'=HYPERLINK("http://evil.example","click")',
      'Chat question',
      'Outage',
    ]);
    expect(records.every((record) => record.length === TICKET_COLUMNS.length)).toBe(true);
  });

  it('writes the first response, later responses, breaches and coverage', () => {
    const a2 = records.find((record) => record[TICKET_COLUMNS.indexOf('ticket_id')] === 'A2');
    expect(a2?.slice(TICKET_COLUMNS.indexOf('covered'))).toEqual(['yes', '95', '60', 'met_late', '0', '', 'First response', '']);
    const a3 = records.find((record) => record[TICKET_COLUMNS.indexOf('ticket_id')] === 'A3');
    expect(a3?.[TICKET_COLUMNS.indexOf('covered')]).toBe('no');
  });
});
