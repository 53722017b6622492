import { useState } from 'react';
import { siteSchema, type Site } from '../../lib/plans/config-schema.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';
import { SelectField, TextField } from './fields.tsx';
import { HELPDESKS, helpdeskLabel } from './helpdesk-catalog.ts';
import { LockedSection } from './locked-section.tsx';
import { useEnvironment } from './options-environment.ts';
import { SiteDiagnostics } from './site-diagnostics.tsx';
import { SiteSettingsEditor } from './site-settings-editor.tsx';
import { toOrigin } from './to-origin.ts';
import { useDiagnostics } from './use-diagnostics.ts';

const SELF_HOSTED = HELPDESKS.filter((helpdesk) => helpdesk.hosting === 'self-hosted').map((helpdesk) => ({ value: helpdesk.id, label: helpdesk.label }));

/**
 * SaaS helpdesks (work out of the box) and self-hosted sites. Adding a site asks the browser for
 * access to its origin — inside the click, as browsers require — and stores it only when granted;
 * the background then registers the content script there.
 */
export function HelpdesksSection() {
  const { requestOrigin, removeOrigin } = useEnvironment();
  const sites = useOptionsStore((state) => state.saved.sites);
  const saveSites = useOptionsStore((state) => state.saveSites);
  const [origin, setOrigin] = useState('');
  const [helpdesk, setHelpdesk] = useState<HelpdeskId>('zammad');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState('');
  const diagnostics = useDiagnostics();
  // SaaS sites (and sites removed since) have diagnostics too, but no entry in the list below.
  const otherOrigins = Object.keys(diagnostics?.value ?? {}).filter((reported) => !sites.some((site) => site.origin === reported));

  const add = (): void => {
    setMessage('');
    const normalized = toOrigin(origin);
    if (normalized === undefined) {
      setError('expected an address like https://support.example.com');
      return;
    }
    const site = siteSchema.safeParse({ origin: normalized, helpdesk, ...(name.trim() === '' ? {} : { name: name.trim() }) });
    if (!site.success) {
      setError(site.error.issues.map((issue) => issue.message).join('; '));
      return;
    }
    setError(undefined);
    const existing = sites.filter((other) => other.origin !== site.data.origin);
    // No await before this call: the browser grants permissions only during the user's gesture.
    requestOrigin(site.data.origin)
      .then(async (granted) => {
        if (!granted) {
          setMessage(`Access to ${site.data.origin} was not granted, so nothing was saved.`);
          return;
        }
        await saveSites([...existing, site.data]);
        setOrigin('');
        setName('');
        setMessage(`${site.data.origin} added as ${helpdeskLabel(site.data.helpdesk)}.`);
      })
      .catch((failure: unknown) => setMessage(`Could not add ${site.data.origin}: ${failure instanceof Error ? failure.message : String(failure)}`));
  };

  const remove = (site: Site): void => {
    void removeOrigin(site.origin)
      .catch(() => false)
      .then(() => saveSites(sites.filter((other) => other.origin !== site.origin)))
      .then(() => setMessage(`${site.origin} removed.`));
  };

  return (
    <>
      <section className="card" aria-label="Helpdesks that work out of the box">
        <h3>Works out of the box</h3>
        <ul>
          {HELPDESKS.filter((entry) => entry.hosting === 'saas').map((entry) => (
            <li key={entry.id}>
              {entry.label} <span className="muted">{entry.host}</span>
            </li>
          ))}
        </ul>
        {diagnostics?.problem !== undefined && <p className="field-error">Diagnostics could not be read: {diagnostics.problem}</p>}
        {otherOrigins.map((reported) => (
          <SiteDiagnostics key={reported} origin={reported} report={diagnostics?.value[reported]} />
        ))}
      </section>
      <LockedSection parts={['sites']} legend="Self-hosted helpdesks">
        <h3>Self-hosted helpdesks</h3>
        {sites.length === 0 && <p className="muted">No self-hosted helpdesk added.</p>}
        {sites.map((site) => (
          <section key={site.origin} className="card" aria-label={site.name ?? site.origin}>
            <h4>
              {site.name ?? site.origin} <span className="muted">{helpdeskLabel(site.helpdesk)}</span>
            </h4>
            <p>
              <code>{site.origin}</code>
            </p>
            <SiteSettingsEditor
              site={site}
              onSave={(options) => {
                const updated: Site = { origin: site.origin, helpdesk: site.helpdesk, ...(site.name === undefined ? {} : { name: site.name }), ...(options === undefined ? {} : { options }) };
                return saveSites(sites.map((other) => (other.origin === site.origin ? updated : other)));
              }}
            />
            <SiteDiagnostics origin={site.origin} report={diagnostics?.value[site.origin]} />
            <button type="button" className="danger" aria-label={`Remove ${site.origin}`} onClick={() => remove(site)}>
              Remove
            </button>
          </section>
        ))}
        <form
          className="add-row"
          aria-label="Add a self-hosted helpdesk"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <TextField label="Helpdesk address" value={origin} placeholder="https://support.example.com" error={error} onChange={setOrigin} />
          <SelectField label="Helpdesk type" value={helpdesk} choices={SELF_HOSTED} onChange={(id) => setHelpdesk(id)} />
          <TextField label="Name (optional)" value={name} onChange={setName} />
          <button type="submit">Add and allow access</button>
        </form>
        <p role="status" aria-live="polite">
          {message}
        </p>
      </LockedSection>
    </>
  );
}
