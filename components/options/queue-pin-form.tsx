import { useId, useState } from 'react';
import { getAdapter } from '../../lib/adapters/registry.ts';
import type { Site } from '../../lib/plans/config-schema.ts';
import { queuePinSchema, type QueuePin } from '../../lib/registry/queue-pins.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';
import { SelectField, TextField } from './fields.tsx';
import { helpdeskHost } from './helpdesk-catalog.ts';
import { QUEUE_HELPDESKS, queueIdHelp, unreachableReason } from './queue-helpdesks.ts';
import { toOrigin } from './to-origin.ts';

interface Draft {
  helpdesk: HelpdeskId;
  origin: string;
  queueId: string;
  label: string;
}
type Errors = Partial<Record<'origin' | 'queueId' | 'label', string>>;

const CHOICES = QUEUE_HELPDESKS.map((adapter) => ({ value: adapter.id, label: adapter.label }));

/** The pin, or what is wrong with each field: the pin's schema, then whether the extension can reach the site and the id's form. */
function check(draft: Draft, sites: readonly Site[]): { pin: QueuePin } | { errors: Errors } {
  const origin = toOrigin(draft.origin);
  const parsed = queuePinSchema.safeParse({ ...draft, origin: origin ?? draft.origin });
  const errors: Errors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0];
    if (field === 'origin' || field === 'queueId' || field === 'label') errors[field] ??= issue.message;
  }
  const unreachable = origin === undefined ? 'expected an address like https://support.example.com' : unreachableReason(origin, getAdapter(draft.helpdesk), sites);
  if (unreachable !== undefined) errors.origin ??= unreachable;
  const format = queueIdHelp(draft.helpdesk).format;
  if (format && draft.queueId.trim() !== '' && !format.pattern.test(draft.queueId.trim())) errors.queueId ??= format.message;
  return parsed.success && Object.keys(errors).length === 0 ? { pin: parsed.data } : { errors };
}

/**
 * Pins a queue of a helpdesk the extension can reach. Only helpdesks whose queues the background
 * can read are offered; the origin must be a SaaS host or a site set up under Helpdesks.
 */
export function QueuePinForm({ onPin }: { onPin: (pin: QueuePin) => Promise<void> }) {
  const sites = useOptionsStore((state) => state.saved.sites);
  const [draft, setDraft] = useState<Draft>({ helpdesk: CHOICES[0]?.value ?? 'zendesk', origin: '', queueId: '', label: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const sitesId = useId();
  const adapter = getAdapter(draft.helpdesk);
  // 'https://*.zendesk.com/*' → 'https://yourcompany.zendesk.com'.
  const example = adapter.matches[0]?.replace(/\/\*$/, '').replace('*.', 'yourcompany.') ?? 'https://support.example.com';
  const help = queueIdHelp(draft.helpdesk);
  const knownSites = sites.filter((site) => site.helpdesk === draft.helpdesk);
  const edit = (change: Partial<Draft>): void => setDraft({ ...draft, ...change });

  const submit = (): void => {
    const result = check(draft, sites);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    onPin(result.pin)
      .then(() => setDraft({ ...draft, queueId: '', label: '' }))
      // The section reports the background's refusal; the form keeps what was typed so it can be fixed.
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="add-row"
      aria-label="Pin a queue"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <SelectField label="Helpdesk" value={draft.helpdesk} choices={CHOICES} hint="Only helpdesks whose queues SLA Lens can read in the background." onChange={(helpdesk) => edit({ helpdesk })} />
      <TextField
        label="Helpdesk address"
        value={draft.origin}
        list={knownSites.length > 0 ? sitesId : undefined}
        placeholder={example}
        hint={adapter.hosting === 'saas' ? `Your ${adapter.label} address (${helpdeskHost(adapter.id)}).` : `A ${adapter.label} site set up under Helpdesks.`}
        error={errors.origin}
        onChange={(origin) => edit({ origin })}
      />
      {knownSites.length > 0 && (
        <datalist id={sitesId}>
          {knownSites.map((site) => (
            <option key={site.origin} value={site.origin}>
              {site.name ?? site.origin}
            </option>
          ))}
        </datalist>
      )}
      <TextField
        label="Queue id"
        value={draft.queueId}
        hint={`${help.help}${help.examples.length > 0 ? ` Examples: ${help.examples.join(' · ')}` : ''}`}
        error={errors.queueId}
        onChange={(queueId) => edit({ queueId })}
      />
      <TextField label="Label" value={draft.label} placeholder="Tier 2 open" hint="Names the queue here and in the popup." error={errors.label} onChange={(label) => edit({ label })} />
      <button type="submit" disabled={busy}>
        Pin queue
      </button>
    </form>
  );
}
