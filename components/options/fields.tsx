import { useContext, useId, useState, type ReactNode } from 'react';
import { formatIssuePath, type SchemaIssue } from '../../lib/schema-error.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { FieldIssuesContext } from './field-issues.ts';

export type FieldPath = readonly (string | number)[];

function messagesAt(issues: readonly SchemaIssue[], key: string): string | undefined {
  const messages = issues.filter((issue) => issue.path === key).map((issue) => issue.message);
  return messages.length > 0 ? messages.join('; ') : undefined;
}

/**
 * Messages of the validation issues at exactly this path: those of the enclosing form's
 * {@link FieldIssuesContext}, else the configuration draft's (a string, so the selector stays stable).
 */
function useIssue(path: FieldPath | undefined): string | undefined {
  const key = path && formatIssuePath(path);
  const local = useContext(FieldIssuesContext);
  const fromDraft = useOptionsStore((state) => (local !== undefined || key === undefined ? undefined : messagesAt(state.issues, key)));
  return local !== undefined && key !== undefined ? messagesAt(local, key) : fromDraft;
}

interface FieldFrameProps {
  label: string;
  /** Validation issues at this path are shown under the field. */
  path?: FieldPath | undefined;
  hint?: ReactNode;
  /** An error found by the component itself (a file that is not JSON…), shown like a validation issue. */
  error?: string | undefined;
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** Label, control, hint and error wired together (`aria-invalid`, `aria-describedby`); the error names the field. */
export function FieldFrame({ label, path, hint, error, children }: FieldFrameProps) {
  const id = useId();
  const issue = useIssue(path);
  const message = error ?? issue;
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = message === undefined ? undefined : `${id}-error`;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={message === undefined ? 'field' : 'field field-invalid'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': message !== undefined, 'aria-describedby': describedBy })}
      {hint !== undefined && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {message !== undefined && (
        <p className="field-error" id={errorId}>
          {label}: {message}
        </p>
      )}
    </div>
  );
}

interface BaseProps {
  label: string;
  path?: FieldPath | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  placeholder?: string;
}

export function TextField({ value, onChange, type = 'text', list, ...frame }: BaseProps & { value: string; onChange: (value: string) => void; type?: 'text' | 'email' | 'date' | 'datetime-local' | 'url' | 'search'; list?: string }) {
  return (
    <FieldFrame {...frame}>
      {(control) => <input {...control} type={type} value={value} list={list} placeholder={frame.placeholder} onChange={(event) => onChange(event.target.value)} />}
    </FieldFrame>
  );
}

export function TextAreaField({ value, onChange, rows = 4, ...frame }: BaseProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <FieldFrame {...frame}>
      {(control) => <textarea {...control} rows={rows} value={value} placeholder={frame.placeholder} onChange={(event) => onChange(event.target.value)} />}
    </FieldFrame>
  );
}

/** A required number: an emptied field becomes NaN, which validation reports as a wrong type for this field. */
export function NumberField({ value, onChange, min, max, step, ...frame }: BaseProps & { value: number; onChange: (value: number) => void; min?: number; max?: number; step?: number | 'any' }) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          value={Number.isNaN(value) ? '' : value}
          min={min}
          max={max}
          step={step ?? 'any'}
          onChange={(event) => onChange(event.target.value === '' ? Number.NaN : Number(event.target.value))}
        />
      )}
    </FieldFrame>
  );
}

/** An optional number: empty means "not set". */
export function OptionalNumberField({ value, onChange, min, max, ...frame }: BaseProps & { value: number | undefined; onChange: (value: number | undefined) => void; min?: number; max?: number }) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          value={value === undefined || Number.isNaN(value) ? '' : value}
          min={min}
          max={max}
          step="any"
          placeholder={frame.placeholder ?? 'not set'}
          onChange={(event) => onChange(event.target.value === '' ? undefined : Number(event.target.value))}
        />
      )}
    </FieldFrame>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export function SelectField<T extends string>({ value, onChange, choices, ...frame }: BaseProps & { value: T; onChange: (value: T) => void; choices: readonly Choice<T>[] }) {
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(choices.find((choice) => choice.value === event.target.value)?.value ?? value)}>
          {/* A value that is not among the choices (an unknown id) stays visible, so validation can name it. */}
          {!choices.some((choice) => choice.value === value) && <option value={value}>{value || '—'}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

export function CheckboxField({ label, checked, onChange, path, hint }: { label: string; checked: boolean; onChange: (checked: boolean) => void; path?: FieldPath; hint?: ReactNode }) {
  const id = useId();
  const issue = useIssue(path);
  return (
    <div className={issue === undefined ? 'field field-check' : 'field field-check field-invalid'}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-invalid={issue !== undefined}
        aria-describedby={[issue === undefined ? '' : `${id}-error`, hint === undefined ? '' : `${id}-hint`].filter(Boolean).join(' ') || undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {issue !== undefined && (
        <p className="field-error" id={`${id}-error`}>
          {label}: {issue}
        </p>
      )}
    </div>
  );
}

/** A problem that belongs to a group rather than one control (a rule without conditions, a duplicate target). */
export function IssueAt({ path, label }: { path: FieldPath; label: string }) {
  const issue = useIssue(path);
  return issue === undefined ? null : (
    <p className="field-error">
      {label}: {issue}
    </p>
  );
}

const toLines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A list edited as one entry per line; blank lines are dropped from the value but kept while typing. */
export function LinesField({ value, onChange, rows = 4, ...frame }: BaseProps & { value: readonly string[]; onChange: (lines: string[]) => void; rows?: number }) {
  const [text, setText] = useState(value.join('\n'));
  // Follow changes from outside (discard, import) without fighting a trailing newline being typed.
  if (toLines(text).join('\n') !== value.join('\n')) setText(value.join('\n'));
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onChange(toLines(event.target.value));
          }}
        />
      )}
    </FieldFrame>
  );
}
