import { helpdeskContentScript } from '../components/overlay/helpdesk-content-script.ts';
import { requestTracker } from '../lib/adapters/request-tracker.ts';

/** The overlay on Request Tracker origins the agent granted (registered by the background). One content script per helpdesk: a page loads only its own adapter. */
export default helpdeskContentScript(requestTracker);
