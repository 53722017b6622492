import { adapters } from '../../lib/adapters/registry.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';

/**
 * Every helpdesk id with a name and how it is hosted. The registry has the adapters merged so far;
 * this table also names the ones still on their branches, and TypeScript keeps it complete.
 */
const CATALOG: Record<HelpdeskId, { label: string; hosting: 'saas' | 'self-hosted'; host?: string }> = {
  zendesk: { label: 'Zendesk', hosting: 'saas', host: '*.zendesk.com' },
  freshdesk: { label: 'Freshdesk', hosting: 'saas', host: '*.freshdesk.com' },
  'jira-service-management': { label: 'Jira Service Management', hosting: 'saas', host: '*.atlassian.net' },
  zammad: { label: 'Zammad', hosting: 'self-hosted' },
  znuny: { label: 'Znuny / OTRS', hosting: 'self-hosted' },
  'request-tracker': { label: 'Request Tracker', hosting: 'self-hosted' },
  generic: { label: 'Other helpdesk (configured selectors)', hosting: 'self-hosted' },
};

export const HELPDESKS = (Object.keys(CATALOG) as HelpdeskId[]).map((id) => ({
  id,
  label: adapters.find((adapter) => adapter.id === id)?.label ?? CATALOG[id].label,
  hosting: CATALOG[id].hosting,
  host: CATALOG[id].host,
}));

export const helpdeskLabel = (id: HelpdeskId): string => HELPDESKS.find((helpdesk) => helpdesk.id === id)?.label ?? id;

export const HELPDESK_CHOICES = HELPDESKS.map((helpdesk) => ({ value: helpdesk.id, label: helpdesk.label }));
