import { helpdeskContentScript } from '../components/overlay/helpdesk-content-script.ts';
import { jiraServiceManagement } from '../lib/adapters/jira-service-management.ts';

/** The overlay on Jira Service Management pages: Cloud (*.atlassian.net, from the manifest) and Data Center origins the agent granted (registered by the background). One content script per helpdesk: a page loads only its own adapter. */
export default helpdeskContentScript(jiraServiceManagement);
