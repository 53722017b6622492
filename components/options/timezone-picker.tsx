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
function offsetLabel(zone: string, now: DateTime): string | undefined {
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
  // The same element object on every render lets React skip the ~400 options while the user types.
  const datalist = useMemo(
    () => (
      <datalist id={listId}>
        {supportedZones().map((zone) => (
          <option key={zone} value={zone}>
            {`${zone} (${offsetLabel(zone, now) ?? ''})`}
          </option>
        ))}
      </datalist>
    ),
    [listId, now],
  );
  const offset = value === '' ? undefined : offsetLabel(value, now);
  const hint = offset !== undefined ? `Now ${offset}.` : optional && value === '' ? 'Not set.' : 'Type to search, e.g. "London" or "New_York".';
  return (
    <FieldFrame label={label} path={path} hint={hint}>
      {(control) => (
        <>
          <input {...control} type="text" list={listId} value={value} autoComplete="off" spellCheck={false} onChange={(event) => onChange(event.target.value.trim())} />
          {datalist}
        </>
      )}
    </FieldFrame>
  );
}
