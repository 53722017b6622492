import type { Severity } from '../../lib/plans/config-schema.ts';
import { FieldFrame, NumberField, TextField, type FieldPath } from './fields.tsx';

/** The plan's severity scale (rank 1 = most severe), with the colour the badges use. */
export function SeveritiesEditor({ value, onChange, path }: { value: readonly Severity[]; onChange: (severities: Severity[]) => void; path: FieldPath }) {
  const set = (i: number, patch: Partial<Severity>): void => onChange(value.map((old, j) => (j === i ? { ...old, ...patch } : old)));
  return (
    <fieldset className="severities">
      <legend>Severities</legend>
      <ol>
        {value.map((severity, i) => {
          const title = severity.label || `Severity ${i + 1}`;
          return (
            <li key={i} aria-label={title}>
              <TextField label={`${title}: id`} value={severity.id} path={[...path, i, 'id']} onChange={(id) => set(i, { id })} />
              <TextField label={`${title}: label`} value={severity.label} path={[...path, i, 'label']} onChange={(label) => set(i, { label })} />
              <NumberField label={`${title}: rank`} value={severity.rank} min={1} max={99} step={1} path={[...path, i, 'rank']} onChange={(rank) => set(i, { rank })} />
              <FieldFrame label={`${title}: colour`} path={[...path, i, 'color']}>
                {(control) => <input {...control} type="color" value={severity.color} onChange={(event) => set(i, { color: event.target.value })} />}
              </FieldFrame>
              <button type="button" aria-label={`Remove severity ${title}`} disabled={value.length === 1} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...value, { id: `level-${value.length + 1}`, label: `Level ${value.length + 1}`, rank: value.length + 1, color: '#6a737d' }])}>
        Add severity
      </button>
    </fieldset>
  );
}
