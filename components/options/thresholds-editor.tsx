import type { Threshold } from '../../lib/notifications/thresholds.ts';
import { IssueAt, NumberField, SelectField, type Choice, type FieldPath } from './fields.tsx';

type Kind = Threshold['kind'];

const KINDS: readonly Choice<Kind>[] = [
  { value: 'percent', label: 'Share of the target used' },
  { value: 'minutes_left', label: 'Business minutes left' },
  { value: 'breached', label: 'Breached' },
];

/** What a threshold becomes when its kind is switched (the usual values, as in the defaults). */
const FRESH: Record<Kind, Threshold> = {
  percent: { kind: 'percent', percent: 90 },
  minutes_left: { kind: 'minutes_left', minutes: 15 },
  breached: { kind: 'breached' },
};

/** The schema's limit (lib/storage/preferences-storage.ts): more would only repeat notifications. */
const MAX_THRESHOLDS = 10;

/** When a clock notifies: an ordered list of thresholds, each a share used, minutes left or the breach. */
export function ThresholdsEditor({ value, onChange, path }: { value: readonly Threshold[]; onChange: (thresholds: Threshold[]) => void; path: FieldPath }) {
  const set = (i: number, threshold: Threshold): void => onChange(value.map((old, j) => (j === i ? threshold : old)));
  return (
    <fieldset className="thresholds">
      <legend>Notify me when a clock reaches</legend>
      {value.length === 0 && <p className="muted">No thresholds: no notifications.</p>}
      <ol>
        {value.map((threshold, i) => {
          const name = `Threshold ${i + 1}`;
          return (
            <li key={i} className="threshold" aria-label={name}>
              <SelectField label={`${name}: type`} value={threshold.kind} choices={KINDS} onChange={(kind) => set(i, kind === threshold.kind ? threshold : FRESH[kind])} />
              {threshold.kind === 'percent' && (
                <NumberField label={`${name}: percent used`} value={threshold.percent} min={1} max={99} step={1} path={[...path, i, 'percent']} onChange={(percent) => set(i, { kind: 'percent', percent })} />
              )}
              {threshold.kind === 'minutes_left' && (
                <NumberField label={`${name}: minutes left`} value={threshold.minutes} min={1} step={1} path={[...path, i, 'minutes']} onChange={(minutes) => set(i, { kind: 'minutes_left', minutes })} />
              )}
              <button type="button" aria-label={`Remove threshold ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <IssueAt path={path} label="Thresholds" />
      <button type="button" disabled={value.length >= MAX_THRESHOLDS} onClick={() => onChange([...value, FRESH.percent])}>
        Add threshold
      </button>
      {value.length >= MAX_THRESHOLDS && <p className="hint">At most {MAX_THRESHOLDS} thresholds.</p>}
    </fieldset>
  );
}
