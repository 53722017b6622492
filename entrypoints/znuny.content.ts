import { helpdeskContentScript } from '../components/overlay/helpdesk-content-script.ts';
import { znuny } from '../lib/adapters/znuny.ts';

/** The overlay on Znuny / OTRS origins the agent granted (registered by the background). One content script per helpdesk: a page loads only its own adapter. */
export default helpdeskContentScript(znuny);
