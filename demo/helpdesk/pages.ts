/**
 * The demo helpdesk's agent pages: a view (ticket list) and ticket pages, server-rendered, with the
 * data-test-id hooks of Zendesk's Agent Workspace that the Zendesk adapter anchors to
 * (research/helpdesk-adapters.md §1.6): `table[data-test-id="generic-table"]` rows, the subject cell's
 * ticket link, and the ticket pane `[data-side-conversations-anchor-id]` with its via label.
 * It is plainly labelled as a stand-in: nothing here pretends to be Zendesk's own UI.
 */
import { DEMO_VIEW, demoTickets, demoUser, type DemoTicket } from './demo-tickets.ts';
import { statusAfterAll } from './zendesk-json.ts';

const MINUTE_MS = 60_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const STYLE = `
  body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: #1f2933; background: #f5f7f9; }
  .banner { padding: 6px 16px; background: #17494d; color: #fff; font-size: 13px; }
  .banner a { color: #c9f2ee; }
  main { max-width: 1100px; margin: 16px auto; padding: 0 16px; }
  h1 { font-size: 20px; margin: 8px 0 12px; }
  table { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid #d8dcde; }
  th, td { text-align: left; padding: 8px 10px; border-bottom: 1px solid #e9ebed; vertical-align: top; }
  th { background: #f8f9f9; font-weight: 600; font-size: 12px; text-transform: uppercase; color: #68737d; }
  td a { color: #1f73b7; text-decoration: none; } td a:hover { text-decoration: underline; }
  .pane { background: #fff; border: 1px solid #d8dcde; border-radius: 4px; padding: 12px 16px; }
  .subject { font-size: 18px; font-weight: 600; width: 100%; border: 0; padding: 0; background: none; color: inherit; }
  .via { color: #68737d; font-size: 12px; }
  .meta { display: flex; gap: 16px; color: #68737d; font-size: 12px; margin: 4px 0 8px; }
  article { border-top: 1px solid #e9ebed; padding: 10px 0; }
  article.internal { background: #fff6e0; padding-left: 8px; }
  .sender { font-weight: 600; } .when { color: #68737d; font-size: 12px; margin-left: 8px; }
  .tag { display: inline-block; padding: 0 6px; border-radius: 3px; background: #e9ebed; font-size: 12px; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} – SLA Lens demo helpdesk</title><style>${STYLE}</style></head>
<body><div class="banner">SLA Lens demo helpdesk — Zendesk-shaped pages and API served on 127.0.0.1 (not Zendesk).
<a href="/agent/filters/${DEMO_VIEW.id}">All open tickets</a></div>
<main>${body}</main></body></html>`;
}

/** "25 minutes ago", "3 hours ago", "2 days ago" (server-rendered once; the overlay's countdowns are the live part). */
function ago(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes ago`;
  if (minutes < 60 * 48) return `${Math.round(minutes / 60)} hours ago`;
  return `${Math.round(minutes / 60 / 24)} days ago`;
}

const label = (text: string | null) => (text === null ? '–' : text.charAt(0).toUpperCase() + text.slice(1));

/** The view `/agent/filters/{id}`: every open demo ticket. */
export function viewPage(): string {
  const rows = demoTickets
    .filter((ticket) => statusAfterAll(ticket) !== 'solved')
    .map((ticket) => {
      const requester = demoUser(ticket.requesterId);
      return `<tr data-test-id="generic-table-row">
  <td data-test-id="generic-table-cells-id">#${ticket.id}</td>
  <td data-test-id="ticket-table-cells-subject"><a href="/agent/tickets/${ticket.id}">${escapeHtml(ticket.subject)}</a></td>
  <td>${escapeHtml(requester.name)}</td>
  <td>${label(ticket.priority)}</td>
  <td><span class="tag">${label(statusAfterAll(ticket))}</span></td>
  <td>${ago(ticket.createdMinutesAgo)}</td>
</tr>`;
    })
    .join('\n');
  return layout(
    DEMO_VIEW.title,
    `<h1>${DEMO_VIEW.title}</h1>
<table data-test-id="generic-table"><thead><tr><th>ID</th><th>Subject</th><th>Requester</th><th>Priority</th><th>Status</th><th>Requested</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

function messageHtml(authorId: number, text: string, minutesAgo: number, internal: boolean): string {
  const author = demoUser(authorId);
  return `<article data-test-id="omni-log-comment-item" class="${internal ? 'internal' : ''}">
  <div data-test-id="omni-log-item-message" type="${author.role === 'agent' ? 'agent' : 'end-user'}">
    <span class="sender" data-test-id="omni-log-item-sender">${escapeHtml(author.name)}</span>${internal ? ' <span class="tag">Internal note</span>' : ''}
    <span class="when">${ago(minutesAgo)}</span>
    <div data-test-id="omni-log-message-content"><p>${escapeHtml(text)}</p></div>
  </div>
</article>`;
}

/** A ticket's page `/agent/tickets/{id}`. */
export function ticketPage(ticket: DemoTicket, nowMs: number): string {
  const requester = demoUser(ticket.requesterId);
  const assignee = ticket.assigneeId === null ? 'Unassigned' : demoUser(ticket.assigneeId).name;
  const created = new Date(nowMs - ticket.createdMinutesAgo * MINUTE_MS).toISOString().slice(0, 16).replace('T', ' ');
  const log = [messageHtml(ticket.requesterId, ticket.description, ticket.createdMinutesAgo, false)]
    .concat(ticket.messages.map((message) => messageHtml(message.authorId, message.text, message.minutesAgo, message.internal === true)))
    .join('\n');
  return layout(
    ticket.subject,
    `<div class="ticket-panes-grid-layout" data-is-active="true">
  <div class="pane" data-side-conversations-anchor-id="${ticket.id}">
    <div class="sc-omni-header">
      <input class="subject" data-test-id="omni-header-subject" aria-label="Subject" value="${escapeHtml(ticket.subject)}" readonly>
      <div class="meta"><span>#${ticket.id}</span><span>${escapeHtml(requester.name)} &lt;${escapeHtml(requester.email)}&gt;</span>
        <span>Priority: ${label(ticket.priority)}</span><span>Status: ${label(statusAfterAll(ticket))}</span><span>Assignee: ${escapeHtml(assignee)}</span><span>Created ${created} UTC</span></div>
      <div class="via" data-test-id="omni-header-via-label">Via ${ticket.channel === 'web' ? 'Web form' : ticket.channel === 'api' ? 'API' : 'email'}</div>
    </div>
    <div data-test-id="omni-log-container">${log}</div>
  </div>
</div>`,
  );
}
