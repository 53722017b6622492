import { helpdeskContentScript } from '../components/overlay/helpdesk-content-script.ts';
import { generic } from '../lib/adapters/generic.ts';

/** The overlay on helpdesks read with an admin's selectors (origins the agent granted, registered by the background). One content script per helpdesk: a page loads only its own adapter. */
export default helpdeskContentScript(generic);
