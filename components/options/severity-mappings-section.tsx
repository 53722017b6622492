import { useState } from 'react';
import type { SeverityMapping } from '../../lib/plans/config-schema.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';
import { IssueAt, SelectField, TextField, type Choice } from './fields.tsx';
import { HELPDESK_CHOICES, helpdeskLabel } from './helpdesk-catalog.ts';
import { LockedSection } from './locked-section.tsx';

type SourceKind = SeverityMapping['source']['kind'];
const SOURCES: readonly Choice<SourceKind>[] = [
  { value: 'priority', label: 'the ticket’s priority' },
  { value: 'field', label: 'a custom field' },
  { value: 'tag', label: 'a tag' },
];

const sameValues = (rows: readonly [string, string][], values: Readonly<Record<string, string>>): boolean => {
  const fromRows = Object.fromEntries(rows);
  const keys = Object.keys(values);
  return Object.keys(fromRows).length === keys.length && keys.every((key) => fromRows[key] === values[key]);
};

/**
 * Value → severity rows. The rows keep their own order: an object puts integer-like keys first
 * ("3", "2", "1" come back as "1", "2", "3"), which would move rows under the user's cursor.
 */
function ValuesTable({ mapping, onChange, index, severities }: { mapping: SeverityMapping; onChange: (values: Record<string, string>) => void; index: number; severities: readonly Choice<string>[] }) {
  const [rows, setRows] = useState<[string, string][]>(() => Object.entries(mapping.values));
  // Follow changes from outside (discard, import); edits made here already match.
  if (!sameValues(rows, mapping.values)) setRows(Object.entries(mapping.values));
  const title = `Mapping ${index + 1}`;
  const write = (next: [string, string][]): void => {
    setRows(next);
    onChange(Object.fromEntries(next));
  };
  return (
    <table className="values">
      <caption>{title}: helpdesk value → severity</caption>
      <thead>
        <tr>
          <th scope="col">Helpdesk value (any case)</th>
          <th scope="col">Severity</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([value, severity], r) => (
          <tr key={r}>
            <td>
              <TextField label={`${title} value ${r + 1}`} value={value} onChange={(text) => write(rows.map((row, j) => (j === r ? [text, row[1]] : row)))} />
            </td>
            <td>
              <SelectField
                label={`${title} value ${r + 1}: severity`}
                value={severity}
                choices={severities}
                path={['severityMappings', index, 'values', value]}
                onChange={(next) => write(rows.map((row, j) => (j === r ? [row[0], next] : row)))}
              />
            </td>
            <td>
              <button type="button" aria-label={`Remove ${title} value ${r + 1}`} onClick={() => write(rows.filter((_, j) => j !== r))}>
                Remove
              </button>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={3}>
            <button type="button" disabled={rows.some(([value]) => value === '')} onClick={() => write([...rows, ['', severities[0]?.value ?? '']])}>
              Add value
            </button>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** How each helpdesk's priority, field or tag becomes a plan severity. */
export function SeverityMappingsSection() {
  const mappings = useOptionsStore((state) => state.draft.severityMappings);
  const plans = useOptionsStore((state) => state.draft.plans);
  const edit = useOptionsStore((state) => state.edit);
  const planChoices = [{ value: '', label: 'any plan' }, ...Object.entries(plans).map(([id, plan]) => ({ value: id, label: plan.name }))];
  const severitiesFor = (planId: string | undefined): Choice<string>[] => {
    const candidates = planId === undefined ? Object.values(plans) : [plans[planId]].filter((plan) => plan !== undefined);
    const ids = new Map<string, string>();
    for (const plan of candidates) for (const version of plan.versions) for (const severity of version.severities) ids.set(severity.id, severity.label);
    return [...ids].map(([value, label]) => ({ value, label: `${label} (${value})` }));
  };
  const set = (i: number, mapping: SeverityMapping): void =>
    edit((draft) => {
      draft.severityMappings[i] = mapping;
    });

  return (
    <LockedSection parts={['severityMappings']} legend="Severity mapping">
      {mappings.length === 0 && <p className="muted">No mappings: tickets get their plan’s default severity.</p>}
      {mappings.map((mapping, i) => (
        <section key={i} className="card" aria-label={`Mapping ${i + 1}: ${helpdeskLabel(mapping.helpdesk)}`}>
          <h3>
            {helpdeskLabel(mapping.helpdesk)}
            {mapping.plan === undefined ? '' : ` — ${plans[mapping.plan]?.name ?? mapping.plan}`}
          </h3>
          <div className="row">
            <SelectField label={`Mapping ${i + 1}: helpdesk`} value={mapping.helpdesk} choices={HELPDESK_CHOICES} path={['severityMappings', i, 'helpdesk']} onChange={(helpdesk: HelpdeskId) => set(i, { ...mapping, helpdesk })} />
            <SelectField
              label={`Mapping ${i + 1}: plan`}
              value={mapping.plan ?? ''}
              choices={planChoices}
              path={['severityMappings', i, 'plan']}
              onChange={(plan) => {
                const next = { ...mapping };
                if (plan === '') delete next.plan;
                else next.plan = plan;
                set(i, next);
              }}
            />
            <SelectField
              label={`Mapping ${i + 1}: read the severity from`}
              value={mapping.source.kind}
              choices={SOURCES}
              onChange={(kind) => set(i, { ...mapping, source: kind === 'field' ? { kind, field: '' } : { kind } })}
            />
            {mapping.source.kind === 'field' && (
              <TextField label={`Mapping ${i + 1}: field name`} value={mapping.source.field} path={['severityMappings', i, 'source', 'field']} onChange={(field) => set(i, { ...mapping, source: { kind: 'field', field } })} />
            )}
          </div>
          <ValuesTable mapping={mapping} index={i} severities={severitiesFor(mapping.plan)} onChange={(values) => set(i, { ...mapping, values })} />
          <IssueAt path={['severityMappings', i, 'values']} label={`Mapping ${i + 1}: values`} />
          <button
            type="button"
            className="danger"
            aria-label={`Delete mapping ${i + 1}`}
            onClick={() =>
              edit((draft) => {
                draft.severityMappings.splice(i, 1);
              })
            }
          >
            Delete mapping
          </button>
        </section>
      ))}
      <button
        type="button"
        onClick={() =>
          edit((draft) => {
            draft.severityMappings.push({ helpdesk: 'zendesk', source: { kind: 'priority' }, values: {} });
          })
        }
      >
        Add mapping
      </button>
    </LockedSection>
  );
}
