import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // lib/ is not one of WXT's auto-import folders; every module imports what it uses explicitly.
  imports: false,
  manifest: {
    name: 'SLA Lens',
    description: 'Support-contract deadlines (business hours, follow-the-sun, average response) inline in your helpdesk.',
    permissions: ['storage'],
  },
});
