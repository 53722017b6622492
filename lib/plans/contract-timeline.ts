import { DateTime } from 'luxon';
import type { Contract, Customer, Plan } from './config-schema.ts';
import { contractOn, versionOn } from './match-customer.ts';

/** What applies to a customer on one date: a contract (and the plan version it selects), or nothing. */
export interface ContractState {
  /** Index into `customer.contracts`; undefined when no contract is in force. */
  contractIndex: number | undefined;
  contract: Contract | undefined;
  /** `effectiveFrom` of the plan version in force (undefined for a first version without a date, or without a plan). */
  versionFrom: string | undefined;
  /** False when no contract is in force or its plan does not exist. */
  planInForce: boolean;
}

/** A date on which what applies changes, with the states on the day before and on that day. */
export interface ContractChange {
  /** First local date (YYYY-MM-DD) of the new state. */
  date: string;
  before: ContractState;
  after: ContractState;
}

export interface ContractTimeline {
  today: ContractState;
  /** Every later change, in date order. */
  changes: ContractChange[];
}

const nextDay = (date: string): string => DateTime.fromISO(date, { zone: 'utc' }).plus({ days: 1 }).toISODate() ?? date;

/** The same rules as ticket matching (`contractOn`, `versionOn`), so the page and the clocks agree. */
function stateOn(customer: Customer, date: string, plans: Readonly<Record<string, Plan>>): ContractState {
  const contract = contractOn(customer, date);
  const plan = contract && plans[contract.plan];
  return {
    contractIndex: contract && customer.contracts.indexOf(contract),
    contract,
    versionFrom: plan && versionOn(plan, date).effectiveFrom,
    planInForce: plan !== undefined,
  };
}

const sameState = (a: ContractState, b: ContractState): boolean =>
  a.contractIndex === b.contractIndex && a.versionFrom === b.versionFrom && a.planInForce === b.planInForce;

/**
 * Which contract and plan version apply to a customer today, and every later date on which that
 * changes (a contract starts or ends, the plan gets a new version). `today` is a local date passed in
 * by the caller (the customer's local date, as matching uses): lib/ never reads the clock. Without
 * `plans`, only contract changes are reported.
 *
 * @example
 * contractTimeline(
 *   { id: 'acme', name: 'Acme', rules: [{ emailDomain: 'acme.example' }],
 *     contracts: [{ plan: 'basic', until: '2026-12-31' }, { plan: 'extended', from: '2027-01-01' }] },
 *   '2026-11-23',
 * ).changes[0].date // => '2027-01-01'
 */
export function contractTimeline(customer: Customer, today: string, plans: Readonly<Record<string, Plan>> = {}): ContractTimeline {
  const boundaries = new Set<string>();
  for (const contract of customer.contracts) {
    if (contract.from !== undefined) boundaries.add(contract.from);
    if (contract.until !== undefined) boundaries.add(nextDay(contract.until));
    for (const version of plans[contract.plan]?.versions ?? []) {
      if (version.effectiveFrom !== undefined) boundaries.add(version.effectiveFrom);
    }
  }
  let previous = stateOn(customer, today, plans);
  const changes: ContractChange[] = [];
  for (const date of [...boundaries].filter((boundary) => boundary > today).sort()) {
    const state = stateOn(customer, date, plans);
    if (!sameState(previous, state)) changes.push({ date, before: previous, after: state });
    previous = state;
  }
  return { today: stateOn(customer, today, plans), changes };
}
