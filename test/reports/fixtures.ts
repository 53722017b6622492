/** Configurations and tickets shared by the reports tests (built through the real parsers). */
import { emptyConfig, parseConfig, withTemplate, type Config, type ConfigInput } from '../../lib/plans/index.ts';
import { parseTicket, type Ticket, type TicketInput } from '../../lib/ticket.ts';

/**
 * Priority Support and Neptune Basic, with two customers on Priority Support (Acme and Initech)
 * so that a report for one must leave the other out; `edit` changes the document before parsing.
 */
export function reportConfig(edit: (input: ConfigInput) => void = () => undefined): Config {
  let input: ConfigInput = emptyConfig();
  for (const id of ['priority-support', 'neptune-basic'] as const) input = withTemplate(input, id);
  input.customers = [
    {
      id: 'acme',
      name: 'Acme',
      rules: [{ emailDomain: 'acme.example' }],
      contracts: [{ plan: 'priority-support', from: '2021-03-01', monthlyFee: { amount: 800, currency: 'USD' } }],
    },
    {
      id: 'initech',
      name: 'Initech',
      timezone: 'America/New_York',
      rules: [{ emailDomain: 'initech.example' }],
      contracts: [{ plan: 'priority-support', monthlyFee: { amount: 1200, currency: 'USD' } }],
    },
  ];
  edit(input);
  return parseConfig(input);
}

/** A ticket with sensible defaults: email channel, complete history, the customer's first message at creation. */
export function ticket(fields: Partial<TicketInput> & Pick<TicketInput, 'id' | 'createdAt' | 'requester'>): Ticket {
  return parseTicket({
    helpdesk: 'zendesk',
    subject: 'Help',
    tags: [],
    status: 'open',
    channel: 'email',
    events: [{ at: fields.createdAt, type: 'customer_message' }],
    complete: true,
    ...fields,
  });
}

/** The customer's message at `at` and the agent's reply `minutes` later. */
export function answeredAfter(at: string, minutes: number): NonNullable<TicketInput['events']> {
  return [
    { at, type: 'customer_message' },
    { at: new Date(Date.parse(at) + minutes * 60_000).toISOString(), type: 'agent_reply' },
  ];
}
