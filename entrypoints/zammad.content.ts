import { helpdeskContentScript } from '../components/overlay/helpdesk-content-script.ts';
import { zammad } from '../lib/adapters/zammad.ts';

/** The overlay on Zammad origins the agent granted (registered by the background). One content script per helpdesk: a page loads only its own adapter. */
export default helpdeskContentScript(zammad);
