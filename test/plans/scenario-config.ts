/** The configuration the scenario tests share: every seed plan and one customer on each. */
import { emptyConfig, parseConfig, withTemplate, type Config, type ConfigInput } from '../../lib/plans/index.ts';
import { parseTicket, type Ticket, type TicketInput } from '../../lib/ticket.ts';

export function scenarioConfig(edit: (input: ConfigInput) => void = () => undefined): Config {
  let input: ConfigInput = emptyConfig();
  for (const id of ['priority-support', 'neptune-basic', 'neptune-extended', 'otrs-subscription'] as const) input = withTemplate(input, id);
  input.customers = [
    {
      id: 'internal',
      name: 'Our own staff',
      rules: [{ emailDomain: 'ourcompany.example' }],
      contracts: [],
    },
    {
      id: 'acme',
      name: 'Acme',
      rules: [{ emailDomain: 'acme.example' }],
      contracts: [{ plan: 'priority-support', from: '2021-03-01', monthlyFee: { amount: 800, currency: 'USD' } }],
    },
    {
      id: 'globex',
      name: 'Globex',
      timezone: 'Europe/Berlin',
      rules: [{ emailDomain: 'globex.example' }],
      contracts: [{ plan: 'neptune-basic' }],
    },
    {
      id: 'initech',
      name: 'Initech',
      timezone: 'America/New_York',
      rules: [{ organization: 'Initech' }, { emailDomain: 'initech.example' }],
      contracts: [{ plan: 'neptune-extended' }],
    },
    {
      id: 'umbrella',
      name: 'Umbrella',
      rules: [{ emailDomain: 'umbrella.example' }],
      contracts: [{ plan: 'otrs-subscription' }],
      namedContacts: ['eve@umbrella.example', 'frank@umbrella.example'],
    },
  ];
  edit(input);
  return parseConfig(input);
}

/** A ticket with sensible defaults (email from the requester, complete history). */
export function ticket(fields: Partial<TicketInput> & Pick<TicketInput, 'createdAt' | 'requester'>): Ticket {
  return parseTicket({
    id: '1',
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
