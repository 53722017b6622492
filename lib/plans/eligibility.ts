import type { Ticket } from '../ticket.ts';
import type { Customer, PlanVersion } from './config-schema.ts';
import { emailDomain, isDomainOrSubdomain } from './match-customer.ts';

/**
 * Whether the plan covers this ticket: its channel, its requester (named contacts) and the
 * requester's domain. Tickets that are not covered still show their clocks, as non-binding.
 *
 * @example
 * checkEligibility(webTicket, prioritySupport, acme).issues // => ['channel "web" is not covered (only email)']
 */
export function checkEligibility(ticket: Ticket, version: PlanVersion, customer: Customer): { eligible: boolean; issues: string[] } {
  const issues: string[] = [];
  const rules = version.eligibility;
  // A helpdesk that does not say how a ticket arrived (Znuny's page, a generic site) gets the benefit of the doubt.
  if (rules.channels !== undefined && ticket.channel !== undefined && !rules.channels.includes(ticket.channel)) {
    issues.push(`channel "${ticket.channel}" is not covered (only ${rules.channels.join(', ')})`);
  }
  const requester = ticket.requester.email;
  if (rules.namedContacts !== undefined) {
    const contacts = customer.namedContacts ?? [];
    const position = contacts.indexOf(requester);
    if (position < 0) issues.push(`${requester || 'the requester'} is not a named contact of ${customer.name}`);
    else if (position >= rules.namedContacts) issues.push(`${requester} is named contact #${position + 1}, but the plan allows ${rules.namedContacts}`);
  }
  if (rules.requireCustomerDomain) {
    const domains = customer.rules.flatMap((rule) => (rule.emailDomain === undefined ? [] : [rule.emailDomain]));
    const domain = emailDomain(requester);
    if (!domains.some((allowed) => isDomainOrSubdomain(domain, allowed))) {
      issues.push(`${requester || 'the requester'} is not at ${domains.length > 0 ? domains.join(' or ') : "the customer's domain"}`);
    }
  }
  return { eligible: issues.length === 0, issues };
}
