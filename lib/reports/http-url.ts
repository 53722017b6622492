/**
 * The URL when it is http(s), else null. Ticket URLs come from helpdesk data and the ticket schema
 * accepts any URL, so a `javascript:` or `data:` URL must never become a link in a report.
 *
 * @example
 * httpUrl('https://acme.zendesk.com/agent/tickets/42') // => 'https://acme.zendesk.com/agent/tickets/42'
 * httpUrl('javascript:alert(1)') // => null
 */
export function httpUrl(url: string | undefined): string | null {
  if (url === undefined || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
}
