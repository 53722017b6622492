import { helpdeskContentScript } from '../components/overlay/helpdesk-content-script.ts';
import { freshdesk } from '../lib/adapters/freshdesk.ts';

/** The overlay on Freshdesk pages (*.freshdesk.com, from the manifest). One content script per helpdesk: a page loads only its own adapter. */
export default helpdeskContentScript(freshdesk);
