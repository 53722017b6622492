import { useState } from 'react';
import { z } from 'zod';
import { genericSiteOptionsSchema } from '../../lib/adapters/generic-settings.ts';
import { znunySiteOptionsSchema } from '../../lib/adapters/znuny.ts';
import type { Site } from '../../lib/plans/config-schema.ts';
import { parseOrThrow, SchemaError, type SchemaIssue } from '../../lib/schema-error.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';
import { TextAreaField } from './fields.tsx';
import { IssueList } from './issue-list.tsx';

/** Adapters that declare their settings; any other site takes a plain JSON object. */
const SCHEMAS: Partial<Record<HelpdeskId, z.core.$ZodType<Record<string, unknown>>>> = {
  generic: genericSiteOptionsSchema,
  znuny: znunySiteOptionsSchema,
};

const EXAMPLES: Partial<Record<HelpdeskId, unknown>> = {
  generic: {
    ticketUrlPattern: '^/tickets/(\\d+)',
    timezone: 'Europe/Berlin',
    fields: { subject: ['h1.ticket-subject'], status: ['.ticket-status'], createdAt: ['time.created'], requesterEmail: ['.requester a[href^="mailto:"]'] },
  },
  znuny: { timezone: 'Europe/Berlin', dateFormats: ['dd.MM.yyyy HH:mm'] },
};

/** Parses the text and validates it with the adapter's schema; issues name the field. */
function check(text: string, helpdesk: HelpdeskId): { options: Record<string, unknown> } | { issues: SchemaIssue[] } {
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch (error) {
    return { issues: [{ path: '', message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  try {
    return { options: parseOrThrow(SCHEMAS[helpdesk] ?? z.record(z.string(), z.unknown()), json, 'site settings') };
  } catch (error) {
    if (error instanceof SchemaError) return { issues: [...error.issues] };
    throw error;
  }
}

/** A site's adapter settings as JSON (the generic adapter's selectors, Znuny's date formats…), checked before they are stored. */
export function SiteSettingsEditor({ site, onSave }: { site: Site; onSave: (options: Record<string, unknown> | undefined) => Promise<void> }) {
  const [text, setText] = useState(site.options === undefined ? '' : JSON.stringify(site.options, null, 2));
  const [issues, setIssues] = useState<readonly SchemaIssue[]>([]);
  const [status, setStatus] = useState('');
  const example = EXAMPLES[site.helpdesk];
  return (
    <form
      className="site-settings"
      aria-label={`Settings for ${site.origin}`}
      onSubmit={(event) => {
        event.preventDefault();
        const result = check(text, site.helpdesk);
        if ('issues' in result) {
          setIssues(result.issues);
          setStatus('Not saved: fix the settings first.');
          return;
        }
        setIssues([]);
        const empty = Object.keys(result.options).length === 0;
        void onSave(empty ? undefined : result.options).then(
          () => setStatus('Settings saved.'),
          (error: unknown) => setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`),
        );
      }}
    >
      <TextAreaField
        label={`Adapter settings for ${site.origin} (JSON)`}
        value={text}
        rows={8}
        error={issues.length > 0 ? `${issues.length} problem${issues.length === 1 ? '' : 's'}, listed below` : undefined}
        hint={site.helpdesk === 'generic' ? 'Selectors, URL patterns and date formats of this helpdesk’s pages.' : 'Optional.'}
        onChange={setText}
      />
      {issues.length > 0 && <IssueList issues={issues} label={`Problems in the settings for ${site.origin}`} />}
      <p role="status" aria-live="polite">
        {status}
      </p>
      <button type="submit">Save settings</button>
      {example !== undefined && text.trim() === '' && (
        <button type="button" onClick={() => setText(JSON.stringify(example, null, 2))}>
          Insert an example
        </button>
      )}
    </form>
  );
}
