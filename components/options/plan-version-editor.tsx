import type { PlanVersion, Target } from '../../lib/plans/config-schema.ts';
import { CreditEditor } from './credit-editor.tsx';
import { EligibilityEditor } from './eligibility-editor.tsx';
import { SelectField, TextField, type Choice, type FieldPath } from './fields.tsx';
import { SeveritiesEditor } from './severities-editor.tsx';
import { TargetEditor } from './target-editor.tsx';
import { TimeBudgetEditor } from './time-budget-editor.tsx';

const SEVERITY_CHANGE: readonly Choice<PlanVersion['severityChange']>[] = [
  { value: 'keep-elapsed', label: 'keep the time already elapsed' },
  { value: 'restart', label: 'restart the clock at the change' },
  { value: 'retroactive', label: 'apply the new target from the start' },
];
const REOPEN: readonly Choice<PlanVersion['reopen']>[] = [
  { value: 'resume', label: 'resume the resolution clock' },
  { value: 'restart', label: 'restart the resolution clock' },
];

/** One version of a plan: severities, targets per severity and metric, and the plan's policies. */
export function PlanVersionEditor({
  value,
  onChange,
  path,
  calendars,
  first,
}: {
  value: PlanVersion;
  onChange: (version: PlanVersion) => void;
  path: FieldPath;
  calendars: readonly Choice<string>[];
  first: boolean;
}) {
  const severities = value.severities.map((severity) => ({ value: severity.id, label: severity.label || severity.id }));
  const set = (patch: Partial<PlanVersion>): void => onChange({ ...value, ...patch });
  const setTarget = (i: number, target: Target): void => set({ targets: value.targets.map((old, j) => (j === i ? target : old)) });
  const newTarget = (): Target => ({
    severity: value.defaultSeverity,
    metric: 'first_response',
    duration: { amount: 1, unit: 'hours' },
    calendar: calendars[0]?.value ?? '',
    binding: true,
    warn: { percentElapsed: 75 },
    start: { rule: 'submission' },
    pause: { statuses: [], unlessCustomerSpokeLast: false },
  });
  return (
    <div className="plan-version">
      <TextField
        label="In force from"
        type="date"
        value={value.effectiveFrom ?? ''}
        path={[...path, 'effectiveFrom']}
        hint={first ? 'Empty: in force since forever. Tickets use the version in force when they were created.' : 'Tickets created on or after this date use this version.'}
        onChange={(effectiveFrom) => {
          const next = { ...value };
          if (effectiveFrom === '') delete next.effectiveFrom;
          else next.effectiveFrom = effectiveFrom;
          onChange(next);
        }}
      />
      <SeveritiesEditor value={value.severities} path={[...path, 'severities']} onChange={(next) => set({ severities: next })} />
      <SelectField label="Default severity" value={value.defaultSeverity} choices={severities} path={[...path, 'defaultSeverity']} onChange={(defaultSeverity) => set({ defaultSeverity })} />
      <fieldset className="targets">
        <legend>Targets</legend>
        {value.targets.length === 0 && <p className="muted">No targets yet: tickets on this plan show no clocks.</p>}
        <ol>
          {value.targets.map((target, i) => (
            <TargetEditor
              key={i}
              value={target}
              severities={severities}
              calendars={calendars}
              path={[...path, 'targets', i]}
              onChange={(next) => setTarget(i, next)}
              onRemove={() => set({ targets: value.targets.filter((_, j) => j !== i) })}
            />
          ))}
        </ol>
        <button type="button" onClick={() => set({ targets: [...value.targets, newTarget()] })}>
          Add target
        </button>
      </fieldset>
      <SelectField label="When the severity changes" value={value.severityChange} choices={SEVERITY_CHANGE} path={[...path, 'severityChange']} onChange={(severityChange) => set({ severityChange })} />
      <SelectField label="When a solved ticket is reopened" value={value.reopen} choices={REOPEN} path={[...path, 'reopen']} onChange={(reopen) => set({ reopen })} />
      <EligibilityEditor value={value.eligibility} path={[...path, 'eligibility']} onChange={(eligibility) => set({ eligibility })} />
      <CreditEditor
        value={value.credit}
        path={[...path, 'credit']}
        onChange={(credit) => {
          const next = { ...value };
          if (credit === undefined) delete next.credit;
          else next.credit = credit;
          onChange(next);
        }}
      />
      <TimeBudgetEditor
        value={value.timeBudget}
        path={[...path, 'timeBudget']}
        onChange={(timeBudget) => {
          const next = { ...value };
          if (timeBudget === undefined) delete next.timeBudget;
          else next.timeBudget = timeBudget;
          onChange(next);
        }}
      />
    </div>
  );
}
