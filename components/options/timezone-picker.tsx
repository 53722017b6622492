import { DateTime, IANAZone } from 'luxon';
import { useId, useMemo } from 'react';
import { FieldFrame, type FieldPath } from './fields.tsx';
import { useEnvironment } from './options-environment.ts';

/** Every zone the browser knows (ICU), with UTC, which some engines leave out. */
function supportedZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

/** "UTC+05:45" for a zone at an instant, or undefined for an unknown zone. */
export function offsetLabel(zone: string, now: DateTime): string | undefined {
  if (!IANAZone.isValidZone(zone)) return undefined;
  return `UTC${now.setZone(zone).toFormat('ZZ')}`;
}

/**
 * A searchable time-zone field: typing filters the browser's list of IANA zones (a native
 * datalist, so it works with the keyboard and screen readers), each shown with its offset now.
 */
export function TimezonePicker({ label, value, onChange, path, optional = false }: { label: string; value: string; onChange: (zone: string) => void; path?: FieldPath; optional?: boolean }) {
  const { now } = useEnvironment();
  const listId = useId();
  const options = useMemo(() => supportedZones().map((zone) => ({ zone, offset: offsetLabel(zone, now) })), [now]);
  const offset = value === '' ? undefined : offsetLabel(value, now);
  const hint = offset !== undefined ? `Now ${offset}.` : optional && value === '' ? 'Not set.' : 'Type to search, e.g. "London" or "New_York".';
  return (
    <FieldFrame label={label} path={path} hint={hint}>
      {(control) => (
        <>
          <input {...control} type="text" list={listId} value={value} autoComplete="off" spellCheck={false} onChange={(event) => onChange(event.target.value.trim())} />
          <datalist id={listId}>
            {options.map(({ zone, offset: zoneOffset }) => (
              <option key={zone} value={zone}>
                {`${zone} (${zoneOffset ?? ''})`}
              </option>
            ))}
          </datalist>
        </>
      )}
    </FieldFrame>
  );
}
