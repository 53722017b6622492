import { describe, expect, it } from 'vitest';
import { contractTimeline } from '../../lib/plans/contract-timeline.ts';
import { emptyConfig, parseConfig, withTemplate, type Customer } from '../../lib/plans/index.ts';

const { plans } = parseConfig(withTemplate(withTemplate(emptyConfig(), 'priority-support'), 'neptune-basic'));
const customer = (contracts: Customer['contracts']): Customer => ({ id: 'acme', name: 'Acme', rules: [{ emailDomain: 'acme.example' }], contracts });

describe('contractTimeline', () => {
  it('reports no contract and no changes for a customer without contracts', () => {
    expect(contractTimeline(customer([]), '2026-11-23', plans)).toEqual({
      today: { contractIndex: undefined, contract: undefined, versionFrom: undefined, planInForce: false },
      changes: [],
    });
  });

  it('finds the open-ended contract in force and nothing changing', () => {
    const timeline = contractTimeline(customer([{ plan: 'neptune-basic' }]), '2026-11-23', plans);
    expect(timeline.today).toMatchObject({ contractIndex: 0, planInForce: true, versionFrom: undefined });
    expect(timeline.changes).toEqual([]);
  });

  it('treats "until" as the last day in force and reports the switch to the next contract', () => {
    const c = customer([
      { plan: 'neptune-basic', until: '2026-12-31' },
      { plan: 'priority-support', from: '2027-01-01', monthlyFee: { amount: 800, currency: 'USD' } },
    ]);
    expect(contractTimeline(c, '2026-12-31', plans).today.contract?.plan).toBe('neptune-basic');
    const timeline = contractTimeline(c, '2026-11-23', plans);
    expect(timeline.changes).toHaveLength(1);
    expect(timeline.changes[0]).toMatchObject({ date: '2027-01-01', before: { contractIndex: 0 }, after: { contractIndex: 1, versionFrom: '2023-08-01' } });
  });

  it('reports a gap between contracts as a change to no contract', () => {
    const c = customer([
      { plan: 'neptune-basic', from: '2026-01-01', until: '2026-06-30' },
      { plan: 'neptune-basic', from: '2026-09-01' },
    ]);
    const timeline = contractTimeline(c, '2026-05-15', plans);
    expect(timeline.changes.map((change) => [change.date, change.after.contractIndex])).toEqual([
      ['2026-07-01', undefined],
      ['2026-09-01', 1],
    ]);
  });

  it('reports a contract that has not started yet', () => {
    const timeline = contractTimeline(customer([{ plan: 'neptune-basic', from: '2027-02-01' }]), '2026-11-23', plans);
    expect(timeline.today.contract).toBeUndefined();
    expect(timeline.changes).toMatchObject([{ date: '2027-02-01', after: { contractIndex: 0, planInForce: true } }]);
  });

  it('reports the new plan version taking effect (Priority Support Terms, 1 August 2023)', () => {
    const timeline = contractTimeline(customer([{ plan: 'priority-support', from: '2021-02-01' }]), '2023-07-15', plans);
    expect(timeline.today).toMatchObject({ contractIndex: 0, versionFrom: undefined, planInForce: true });
    expect(timeline.changes).toMatchObject([{ date: '2023-08-01', before: { versionFrom: undefined }, after: { versionFrom: '2023-08-01' } }]);
  });

  it('lets the latest-starting contract win where contracts overlap, as ticket matching does', () => {
    const c = customer([
      { plan: 'neptune-basic' },
      { plan: 'priority-support', from: '2026-11-01', until: '2026-11-30' },
    ]);
    const timeline = contractTimeline(c, '2026-11-23', plans);
    expect(timeline.today.contract?.plan).toBe('priority-support');
    expect(timeline.changes).toMatchObject([{ date: '2026-12-01', after: { contractIndex: 0 } }]);
  });

  it('flags a contract whose plan does not exist as no plan in force', () => {
    expect(contractTimeline(customer([{ plan: 'gone' }]), '2026-11-23', plans).today).toMatchObject({ contractIndex: 0, planInForce: false });
  });

  it('ignores boundaries in the past and on today', () => {
    const c = customer([{ plan: 'neptune-basic', from: '2026-11-23', until: '2026-11-23' }]);
    expect(contractTimeline(c, '2026-11-23', plans).changes).toMatchObject([{ date: '2026-11-24', after: { contractIndex: undefined } }]);
  });

  it('reports only contract changes without plans', () => {
    const timeline = contractTimeline(customer([{ plan: 'priority-support', until: '2026-12-31' }]), '2023-07-15');
    expect(timeline.changes.map((change) => change.date)).toEqual(['2027-01-01']);
  });

  it('does not mutate the customer', () => {
    const c = customer([{ plan: 'neptune-basic', until: '2026-12-31' }]);
    const copy = structuredClone(c);
    contractTimeline(c, '2026-11-23', plans);
    expect(c).toEqual(copy);
  });
});
