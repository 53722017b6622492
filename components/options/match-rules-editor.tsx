import type { MatchRule } from '../../lib/plans/config-schema.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';
import { IssueAt, SelectField, TextField, type FieldPath } from './fields.tsx';
import { HELPDESK_CHOICES } from './helpdesk-catalog.ts';
import { setOptional } from './optional.ts';

/** A customer's matching rules: any rule selects the customer; all conditions of a rule must hold. */
export function MatchRulesEditor({ value, onChange, path, customer }: { value: readonly MatchRule[]; onChange: (rules: MatchRule[]) => void; path: FieldPath; customer: string }) {
  const set = (i: number, rule: MatchRule): void => onChange(value.map((old, j) => (j === i ? rule : old)));
  return (
    <fieldset className="rules">
      <legend>Matching rules (any rule matches; every condition in a rule must hold)</legend>
      <ol>
        {value.map((rule, i) => {
          const title = `${customer} rule ${i + 1}`;
          return (
            <li key={i} aria-label={title}>
              <TextField label={`${title}: email domain`} value={rule.emailDomain ?? ''} placeholder="example.com" hint="Subdomains match too." path={[...path, i, 'emailDomain']} onChange={(text) => set(i, setOptional(rule, 'emailDomain', text))} />
              <TextField label={`${title}: organization`} value={rule.organization ?? ''} path={[...path, i, 'organization']} onChange={(text) => set(i, setOptional(rule, 'organization', text))} />
              <TextField label={`${title}: tag`} value={rule.tag ?? ''} path={[...path, i, 'tag']} onChange={(text) => set(i, setOptional(rule, 'tag', text))} />
              <SelectField<HelpdeskId | ''>
                label={`${title}: helpdesk`}
                value={rule.helpdesk ?? ''}
                choices={[{ value: '', label: 'any helpdesk' }, ...HELPDESK_CHOICES]}
                path={[...path, i, 'helpdesk']}
                onChange={(helpdesk) => {
                  const next = { ...rule };
                  if (helpdesk === '') delete next.helpdesk;
                  else next.helpdesk = helpdesk;
                  set(i, next);
                }}
              />
              <TextField
                label={`${title}: field name`}
                value={rule.field?.name ?? ''}
                path={[...path, i, 'field', 'name']}
                onChange={(name) => {
                  const next = { ...rule };
                  if (name === '' && !rule.field?.value) delete next.field;
                  else next.field = { name, value: rule.field?.value ?? '' };
                  set(i, next);
                }}
              />
              {rule.field !== undefined && (
                <TextField label={`${title}: field value`} value={rule.field.value} path={[...path, i, 'field', 'value']} onChange={(fieldValue) => set(i, { ...rule, field: { name: rule.field?.name ?? '', value: fieldValue } })} />
              )}
              <IssueAt path={[...path, i]} label={title} />
              <button type="button" aria-label={`Remove ${title}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
                Remove rule
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...value, { emailDomain: '' }])}>
        Add rule
      </button>
      <IssueAt path={path} label="Matching rules" />
    </fieldset>
  );
}
