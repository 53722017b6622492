import { useId, useState } from 'react';
import { IcsError, parseIcsHolidays, type IcsImport as IcsResult } from '../../lib/ics/ics-holidays.ts';
import type { HolidaySpec } from '../../lib/sla/index.ts';
import { nowIn, useEnvironment } from './options-environment.ts';

/** How far ahead repeating events that are not "same date every year" are expanded. */
const YEARS_AHEAD = 2;

function describe(holiday: HolidaySpec): string {
  const when = 'annual' in holiday ? `every year on ${holiday.annual}` : holiday.through === undefined ? holiday.date : `${holiday.date} to ${holiday.through}`;
  return holiday.from === undefined && holiday.to === undefined ? when : `${when}, ${holiday.from ?? '00:00'}–${holiday.to ?? '24:00'}`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function summary(file: string, found: IcsResult, zone: string): string {
  const skipped = found.skipped.length > 0 ? `, ${plural(found.skipped.length, 'event')} skipped` : '';
  return `${found.calendarName ?? file}: ${plural(found.holidays.length, 'holiday')} found${skipped}. Times are in ${zone}.`;
}

/**
 * Reads an .ics file and previews what it would add (with a checkbox per holiday and the events
 * it could not use, each with the reason) before anything changes.
 */
export function IcsImport({ zone, label, onAdd }: { zone: string; label: string; onAdd: (holidays: HolidaySpec[]) => void }) {
  const { now } = useEnvironment();
  const inputId = useId();
  const [result, setResult] = useState<{ file: string; found: IcsResult } | undefined>();
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | undefined>();

  const read = async (file: File): Promise<void> => {
    setResult(undefined);
    setError(undefined);
    setUnchecked(new Set());
    try {
      const year = nowIn(now, zone).year;
      setResult({ file: file.name, found: parseIcsHolidays(await file.text(), { zone, fromYear: year, toYear: year + YEARS_AHEAD }) });
    } catch (caught) {
      if (!(caught instanceof IcsError)) throw caught;
      setError(`${file.name}: ${caught.message}`);
    }
  };
  const chosen = result?.found.holidays.filter((found) => !unchecked.has(found.key)) ?? [];

  return (
    <div className="ics-import">
      <label htmlFor={inputId}>{label}: import from an ICS file</label>
      <input
        id={inputId}
        type="file"
        accept=".ics,text/calendar"
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${inputId}-error`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void read(file);
        }}
      />
      <div aria-live="polite">
        {error !== undefined && (
          <p className="field-error" id={`${inputId}-error`}>
            {error}
          </p>
        )}
        {result && (
          <section className="ics-preview" aria-label={`Preview of ${result.file}`}>
            <p>{summary(result.file, result.found, zone)}</p>
            {result.found.holidays.length > 0 && (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Add</th>
                    <th scope="col">Name</th>
                    <th scope="col">When</th>
                    <th scope="col">Read as</th>
                  </tr>
                </thead>
                <tbody>
                  {result.found.holidays.map((found) => (
                    <tr key={found.key}>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={`Add ${found.name} (${describe(found.holiday)})`}
                          checked={!unchecked.has(found.key)}
                          onChange={(event) => {
                            const next = new Set(unchecked);
                            if (event.target.checked) next.delete(found.key);
                            else next.add(found.key);
                            setUnchecked(next);
                          }}
                        />
                      </td>
                      <td>{found.name}</td>
                      <td>{describe(found.holiday)}</td>
                      <td className="muted">{found.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {result.found.skipped.length > 0 && (
              <ul className="issue-list" aria-label="Events not imported">
                {result.found.skipped.map((skipped, i) => (
                  <li key={i}>
                    {skipped.name}: {skipped.reason}
                  </li>
                ))}
              </ul>
            )}
            <button
              type="button"
              className="primary"
              disabled={chosen.length === 0}
              onClick={() => {
                onAdd(chosen.map((found) => found.holiday));
                setResult(undefined);
              }}
            >
              Add {plural(chosen.length, 'holiday')}
            </button>
            <button type="button" onClick={() => setResult(undefined)}>
              Cancel
            </button>
          </section>
        )}
      </div>
    </div>
  );
}
