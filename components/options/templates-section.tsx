import { useState } from 'react';
import { parseConfig } from '../../lib/plans/parse-config.ts';
import { templates, withTemplate, type TemplateId } from '../../lib/plans/templates.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { useLocked } from './locked-section.tsx';

/** The seed plans, each added (with its calendars and severity mappings) in one click, then edited. */
export function TemplatesSection() {
  const draft = useOptionsStore((state) => state.draft);
  const invalid = useOptionsStore((state) => state.issues.length > 0);
  const replaceDraft = useOptionsStore((state) => state.replaceDraft);
  const locked = useLocked('plans', 'calendars', 'severityMappings');
  const [status, setStatus] = useState('');

  const apply = (id: TemplateId): void => {
    // withTemplate returns an input document; parsing it gives the draft its validated form.
    replaceDraft(parseConfig(withTemplate(draft, id)));
    setStatus(`${templates[id].plan.name} added as plan "${id}". Review it under Plans, then save.`);
  };

  return (
    <div className="templates">
      {locked && <p className="locked-note">Plans, calendars or severity mappings are managed by your IT department, so templates cannot be added here.</p>}
      {invalid && !locked && <p className="muted">Fix the problems listed above before adding a template.</p>}
      <ul className="template-list">
        {Object.values(templates).map((template) => (
          <li key={template.id} className="card">
            <h3>{template.name}</h3>
            <p>{template.plan.description}</p>
            <p className="muted">Source: {template.source}</p>
            <button type="button" disabled={locked || invalid} onClick={() => apply(template.id)}>
              {template.id in draft.plans ? `Replace plan "${template.id}" with this template` : 'Start from this template'}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
