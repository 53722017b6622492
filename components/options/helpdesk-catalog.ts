import { adapters } from '../../lib/adapters/registry.ts';
import type { HelpdeskId } from '../../lib/ticket.ts';

/** Every helpdesk the registry knows, with how it is hosted and (SaaS) where. */
export const HELPDESKS = adapters.map((adapter) => ({
  id: adapter.id,
  label: adapter.label,
  hosting: adapter.hosting,
  // 'https://*.zendesk.com/*' is shown as '*.zendesk.com'.
  host: adapter.matches.map((pattern) => pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '')).join(', ') || undefined,
}));

export const helpdeskLabel = (id: HelpdeskId): string => HELPDESKS.find((helpdesk) => helpdesk.id === id)?.label ?? id;

/** Where a SaaS helpdesk lives ('*.zendesk.com'); empty for self-hosted ones. */
export const helpdeskHost = (id: HelpdeskId): string => HELPDESKS.find((helpdesk) => helpdesk.id === id)?.host ?? '';

export const HELPDESK_CHOICES = HELPDESKS.map((helpdesk) => ({ value: helpdesk.id, label: helpdesk.label }));
