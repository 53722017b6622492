import { useState } from 'react';
import type { Plan } from '../../lib/plans/config-schema.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { TextAreaField, TextField } from './fields.tsx';
import { LockedSection } from './locked-section.tsx';
import { setOptional } from './optional.ts';
import { useEnvironment } from './options-environment.ts';
import { PlanVersionEditor } from './plan-version-editor.tsx';

const newPlan = (name: string): Plan => ({
  name,
  versions: [
    {
      severities: [{ id: 'normal', label: 'Normal', rank: 1, color: '#0366d6' }],
      defaultSeverity: 'normal',
      targets: [],
      severityChange: 'keep-elapsed',
      reopen: 'resume',
      eligibility: { requireCustomerDomain: false },
    },
  ],
});

/** Every plan with its versions (each with an effective date). */
export function PlansSection() {
  const { now, zone } = useEnvironment();
  const plans = useOptionsStore((state) => state.draft.plans);
  const calendars = useOptionsStore((state) => state.draft.calendars);
  const edit = useOptionsStore((state) => state.edit);
  const [newId, setNewId] = useState('');
  const calendarChoices = Object.entries(calendars).map(([id, entry]) => ({ value: id, label: entry.name || id }));
  const idError = newId !== '' && !/^[a-z0-9][a-z0-9_-]*$/.test(newId) ? 'expected a lower-case id (letters, digits, - and _)' : newId in plans ? `a plan "${newId}" already exists` : undefined;
  const setPlan = (id: string, plan: Plan): void =>
    edit((draft) => {
      draft.plans[id] = plan;
    });

  return (
    <LockedSection parts={['plans']} legend="Plans">
      {Object.keys(plans).length === 0 && <p className="muted">No plans yet. Start from a template, or add an empty plan below.</p>}
      {Object.entries(plans).map(([id, plan]) => (
        <details key={id} className="card" open={Object.keys(plans).length === 1}>
          <summary>
            <strong>{plan.name}</strong> <code>{id}</code>{' '}
            <span className="muted">
              {plan.versions.length} version{plan.versions.length === 1 ? '' : 's'}
            </span>
          </summary>
          <TextField label={`${id}: name`} value={plan.name} path={['plans', id, 'name']} onChange={(name) => setPlan(id, { ...plan, name })} />
          <TextAreaField
            label={`${id}: description`}
            value={plan.description ?? ''}
            path={['plans', id, 'description']}
            rows={3}
            onChange={(description) => {
              const next = { ...plan };
              if (description === '') delete next.description;
              else next.description = description;
              setPlan(id, next);
            }}
          />
          {plan.versions.map((version, v) => (
            <section key={v} className="version" aria-label={`${plan.name}: version ${v + 1}`}>
              <h4>
                Version {v + 1}
                {version.effectiveFrom === undefined ? '' : `, from ${version.effectiveFrom}`}
              </h4>
              <PlanVersionEditor
                value={version}
                first={v === 0}
                calendars={calendarChoices}
                path={['plans', id, 'versions', v]}
                onChange={(next) => setPlan(id, { ...plan, versions: plan.versions.map((old, j) => (j === v ? next : old)) })}
              />
              {plan.versions.length > 1 && (
                <button type="button" className="danger" aria-label={`Delete version ${v + 1} of ${plan.name}`} onClick={() => setPlan(id, { ...plan, versions: plan.versions.filter((_, j) => j !== v) })}>
                  Delete version
                </button>
              )}
            </section>
          ))}
          <button
            type="button"
            onClick={() => {
              const last = plan.versions.at(-1);
              if (!last) return;
              // A new version starts as a copy of the latest, from the first of next month.
              const effectiveFrom = now.setZone(zone).plus({ months: 1 }).startOf('month').toISODate() ?? undefined;
              setPlan(id, { ...plan, versions: [...plan.versions, { ...structuredClone(last), effectiveFrom }] });
            }}
          >
            Add version
          </button>
          <button
            type="button"
            className="danger"
            aria-label={`Delete plan ${plan.name}`}
            onClick={() =>
              edit((draft) => {
                draft.plans = setOptional(draft.plans, id, undefined);
              })
            }
          >
            Delete plan
          </button>
        </details>
      ))}
      <form
        className="add-row"
        aria-label="Add a plan"
        onSubmit={(event) => {
          event.preventDefault();
          if (newId === '' || idError !== undefined) return;
          setPlan(newId, newPlan(newId));
          setNewId('');
        }}
      >
        <TextField label="New plan id" value={newId} placeholder="gold" error={idError} onChange={setNewId} />
        <button type="submit" disabled={newId === '' || idError !== undefined}>
          Add plan
        </button>
      </form>
    </LockedSection>
  );
}
