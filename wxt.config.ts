import { defineConfig } from 'wxt';
import { SAAS_MATCH_PATTERNS } from './lib/adapters/registry.ts';

// Self-hosted helpdesks (Zammad, Znuny, RT, Jira DC…) are asked for one origin at a time from the
// options page; never <all_urls> up front.
const SELF_HOSTED_ORIGINS = ['https://*/*', 'http://*/*'];

/**
 * The content script runs inside every helpdesk page, so it carries Preact's React-compatible API
 * (~12 kB) instead of React (~220 kB); extension pages and tests use React itself.
 */
const PREACT_FOR_REACT = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) return;
      viteConfig.resolve ??= {};
      // Keep any aliases already set (array or object form), then add ours.
      const existing = viteConfig.resolve.alias ?? [];
      const asArray = Array.isArray(existing)
        ? (existing as { find: string | RegExp; replacement: string }[])
        : Object.entries(existing as Record<string, string>).map(([find, replacement]) => ({ find, replacement }));
      viteConfig.resolve.alias = [...asArray, ...PREACT_FOR_REACT];
    },
  },
  // lib/ is not one of WXT's auto-import folders; every module imports what it uses explicitly.
  imports: false,
  manifest: ({ manifestVersion, browser }) => ({
    name: 'SLA Lens',
    description: 'Support-contract deadlines (business hours, follow-the-sun, average response) inline in your helpdesk.',
    // alarms: clock ticks and background refresh; notifications: threshold alerts; scripting: the
    // content script on self-hosted helpdesks the agent grants at runtime; unlimitedStorage: a team
    // queue of 2,000+ tickets with their evaluations is ~5 KB each, past storage.local's 10 MB quota
    // (no install warning).
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    host_permissions: [...SAAS_MATCH_PATTERNS],
    // MV2 (the Firefox build) has no optional_host_permissions: origins go in optional_permissions.
    ...(manifestVersion === 2 ? { optional_permissions: SELF_HOSTED_ORIGINS } : { optional_host_permissions: SELF_HOSTED_ORIGINS }),
    // Enterprise policy: a `config` key in storage.managed, shown locked in the options page.
    storage: { managed_schema: 'managed-schema.json' },
    // Firefox wants a stable id (storage.managed and updates key on it) and a data-collection declaration:
    // SLA Lens collects nothing; ticket data stays in the browser.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'sla-lens@sla-lens.dev', data_collection_permissions: { required: ['none'] } } } } : {}),
  }),
});
