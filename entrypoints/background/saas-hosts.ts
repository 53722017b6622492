/**
 * SaaS helpdesk hosts: declared as host permissions (wxt.config.ts), so their content script comes
 * from the manifest. Every other helpdesk is an optional host permission granted at runtime.
 */
export const SAAS_HOST_PERMISSIONS = ['https://*.zendesk.com/*', 'https://*.freshdesk.com/*', 'https://*.atlassian.net/*'];
