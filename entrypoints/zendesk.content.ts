import { helpdeskContentScript } from '../components/overlay/helpdesk-content-script.ts';
import { zendesk } from '../lib/adapters/zendesk.ts';

/** The overlay on Zendesk pages (*.zendesk.com, from the manifest). One content script per helpdesk: a page loads only its own adapter. */
export default helpdeskContentScript(zendesk);
