// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CustomersSection } from '../../components/options/customers-section.tsx';
import { SaveBar } from '../../components/options/save-bar.tsx';
import { matchCustomer, type CustomerMatch } from '../../lib/plans/match-customer.ts';
import { emptyConfig, parseConfig, withTemplate, type Config } from '../../lib/plans/index.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem } from '../../lib/storage/config-storage.ts';
import { renderOptions } from './render-options.tsx';

// The matcher belongs to the evaluator (tested there); here it is a stand-in with realistic answers.
vi.mock('../../lib/plans/match-customer.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/plans/match-customer.ts')>()),
  matchCustomer: vi.fn(),
}));

function config(): Config {
  const base = parseConfig(withTemplate(withTemplate(emptyConfig(), 'neptune-basic'), 'priority-support'));
  return parseConfig({
    ...base,
    customers: [
      {
        id: 'acme',
        name: 'Acme',
        timezone: 'Europe/London',
        rules: [{ emailDomain: 'acme.example' }],
        contracts: [
          { plan: 'neptune-basic', until: '2026-12-31' },
          { plan: 'priority-support', from: '2027-01-01', monthlyFee: { amount: 800, currency: 'USD' } },
        ],
        namedContacts: ['ops@acme.example'],
      },
      { id: 'globex', name: 'Globex', rules: [{ tag: 'globex' }], contracts: [] },
      { id: 'initech', name: 'Initech', rules: [{ organization: 'Initech' }], contracts: [{ plan: 'priority-support' }] },
    ],
  });
}

async function renderCustomers() {
  await configItem.setValue(config());
  await renderOptions(
    <>
      <SaveBar />
      <CustomersSection />
    </>,
  );
  return userEvent.setup();
}

const order = () => useOptionsStore.getState().draft.customers.map((customer) => customer.id);

beforeEach(() => {
  fakeBrowser.reset();
  vi.mocked(matchCustomer).mockReset();
});
afterEach(cleanup);

describe('customers', () => {
  it('shows per customer the plan in force today and what changes next', async () => {
    await renderCustomers();
    const acme = within(screen.getByRole('region', { name: 'Acme: plan in force' }));
    expect(acme.getByText('Neptune Basic Support')).toBeDefined();
    expect(acme.getByText('on 2027-01-01, Priority Support (terms from 2023-08-01), 800 USD a month')).toBeDefined();
    const globex = within(screen.getByRole('region', { name: 'Globex: plan in force' }));
    expect(globex.getByText('no contract (tickets are not covered)')).toBeDefined();
    expect(globex.getByText('none scheduled')).toBeDefined();
  });

  it('reorders customers with the keyboard buttons and announces the new position', async () => {
    const user = await renderCustomers();
    await user.click(screen.getByRole('button', { name: 'Move Initech up' }));
    expect(order()).toEqual(['acme', 'initech', 'globex']);
    expect(screen.getByText('Initech moved to position 2 of 3.')).toBeDefined();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move Acme up' }).disabled).toBe(true);
    screen.getByRole('button', { name: 'Move Acme down' }).focus();
    await user.keyboard('{Enter}');
    expect(order()).toEqual(['initech', 'acme', 'globex']);
  });

  it('reorders customers by dragging a card onto another', async () => {
    await renderCustomers();
    const cards = screen.getAllByRole('listitem').filter((item) => item.classList.contains('card'));
    const handle = cards[2]!.querySelector('.drag-handle')!;
    fireEvent.dragStart(handle, { dataTransfer: { effectAllowed: '', setData: vi.fn() } });
    fireEvent.dragOver(cards[0]!);
    fireEvent.drop(cards[0]!);
    expect(order()).toEqual(['initech', 'acme', 'globex']);
  });

  it('edits rules, contracts and named contacts, naming invalid fields', async () => {
    const user = await renderCustomers();
    const acme = within(screen.getAllByRole('listitem', { name: 'Acme' })[0]!);
    await user.click(acme.getByText('Edit Acme'));
    const domain = acme.getByLabelText('Acme rule 1: email domain');
    await user.clear(domain);
    await user.type(domain, 'acme');
    expect(acme.getByText('Acme rule 1: email domain: expected a domain like example.com')).toBeDefined();
    await user.clear(domain);
    expect(acme.getByText('Acme rule 1: a rule needs at least one condition')).toBeDefined();
    await user.type(domain, 'acme.example');
    await user.type(acme.getByLabelText('Acme contract 1: from'), '2027-03-01');
    expect(acme.getByText('Acme contract 1: until (last day): "until" (2026-12-31) is before "from" (2027-03-01)')).toBeDefined();
    await user.clear(acme.getByLabelText('Acme contract 1: from'));
    await user.type(acme.getByLabelText('Acme: named contacts'), '\nCTO@acme.example\n');
    expect(useOptionsStore.getState().draft.customers[0]?.namedContacts).toEqual(['ops@acme.example', 'CTO@acme.example']);
    await user.clear(acme.getByLabelText('Acme contract 2: currency'));
    await user.type(acme.getByLabelText('Acme contract 2: currency'), 'EU');
    expect(acme.getByText('Acme contract 2: currency: expected an ISO currency code like USD')).toBeDefined();
  });

  it('adds and deletes customers', async () => {
    const user = await renderCustomers();
    await user.click(screen.getByRole('button', { name: 'Add customer' }));
    expect(order()).toEqual(['acme', 'globex', 'initech', 'customer-4']);
    await user.click(screen.getByRole('button', { name: 'Delete customer Globex' }));
    expect(order()).toEqual(['acme', 'initech', 'customer-4']);
  });
});

describe('test a requester', () => {
  it('shows which customer and plan match and why, and whether the plan covers the requester', async () => {
    const acmeMatch = (): CustomerMatch => {
      const draft = useOptionsStore.getState().draft;
      const customer = draft.customers[0]!;
      const plan = draft.plans['neptune-basic']!;
      return {
        match: { status: 'matched', customerId: 'acme', customerName: 'Acme', planId: 'neptune-basic', planName: 'Neptune Basic Support', reason: 'rule 1 of Acme: email domain acme.example' },
        customer,
        contract: customer.contracts[0]!,
        planId: 'neptune-basic',
        plan,
        version: { ...plan.versions[0]!, eligibility: { channels: ['email'], namedContacts: 1, requireCustomerDomain: true } },
      };
    };
    vi.mocked(matchCustomer).mockImplementation(acmeMatch);
    const user = await renderCustomers();
    const box = within(screen.getByRole('region', { name: 'Test a requester' }));
    await user.type(box.getByLabelText('Requester email'), 'Dev@EU.Acme.example');
    await user.selectOptions(box.getByLabelText('Helpdesk'), 'Zammad');
    await user.type(box.getByLabelText('Tags'), 'vip, eu');
    expect(box.getByText('Acme')).toBeDefined();
    expect(box.getByText('Why: rule 1 of Acme: email domain acme.example')).toBeDefined();
    expect(box.getByText('Not covered: dev@eu.acme.example is not a named contact of Acme.')).toBeDefined();
    const [ticket, passed] = vi.mocked(matchCustomer).mock.lastCall!;
    expect(ticket).toMatchObject({ helpdesk: 'zammad', requester: { email: 'dev@eu.acme.example' }, tags: ['vip', 'eu'], channel: 'email', createdAt: '2026-11-23T10:00:00.000Z' });
    expect(passed.customers.map((customer) => customer.id)).toEqual(['acme', 'globex', 'initech']);
  });

  it('says why nothing matches', async () => {
    vi.mocked(matchCustomer).mockReturnValue({ match: { status: 'no_plan', reason: 'no customer rule matches ann@elsewhere.example' } });
    const user = await renderCustomers();
    const box = within(screen.getByRole('region', { name: 'Test a requester' }));
    await user.type(box.getByLabelText('Requester email'), 'ann@elsewhere.example');
    expect(box.getByText('No customer')).toBeDefined();
    expect(box.getByText(/no customer rule matches ann@elsewhere.example/)).toBeDefined();
  });

  it('does not match against an invalid draft', async () => {
    const user = await renderCustomers();
    useOptionsStore.getState().edit((draft) => {
      draft.customers[0]!.name = '';
    });
    const box = within(screen.getByRole('region', { name: 'Test a requester' }));
    await user.type(box.getByLabelText('Organization'), 'Initech');
    expect(box.getByText('Fix the problems listed above to test matching.')).toBeDefined();
    expect(matchCustomer).not.toHaveBeenCalled();
  });
});
