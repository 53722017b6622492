import { isoDateOfDayNumber, localDayNumber, parseIsoInstantMs } from '../sla/index.ts';
import type { Ticket } from '../ticket.ts';
import type { Config, Contract, Customer, MatchRule, Plan, PlanVersion } from './config-schema.ts';
import type { PlanMatch } from './evaluation-schema.ts';

/** The customer, contract and plan version a ticket falls under, with the reason. */
export interface CustomerMatch {
  match: PlanMatch;
  customer?: Customer;
  contract?: Contract;
  planId?: string;
  plan?: Plan;
  version?: PlanVersion;
}

/**
 * The requester's email domain (lower case), or '' when there is none.
 *
 * @example
 * emailDomain('Ann@EU.Example.com') // => 'eu.example.com'
 */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0 ? '' : email.slice(at + 1).trim().toLowerCase();
}

/**
 * Does `domain` equal `ruleDomain` or sit below it (`eu.example.com` under `example.com`)?
 *
 * @example
 * isDomainOrSubdomain('eu.example.com', 'example.com') // => true
 * isDomainOrSubdomain('badexample.com', 'example.com') // => false
 */
export function isDomainOrSubdomain(domain: string, ruleDomain: string): boolean {
  return domain === ruleDomain || domain.endsWith(`.${ruleDomain}`);
}

const same = (a: string | undefined, b: string) => a !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Each rule's description, built once per (immutable) rule rather than per matched ticket. */
const ruleDescriptions = new WeakMap<MatchRule, string>();

function describeRule(rule: MatchRule): string {
  let text = ruleDescriptions.get(rule);
  if (text === undefined) {
    text = describeRuleParts(rule);
    ruleDescriptions.set(rule, text);
  }
  return text;
}

function describeRuleParts(rule: MatchRule): string {
  const parts: string[] = [];
  if (rule.emailDomain !== undefined) parts.push(`email domain ${rule.emailDomain}`);
  if (rule.organization !== undefined) parts.push(`organization "${rule.organization}"`);
  if (rule.tag !== undefined) parts.push(`tag "${rule.tag}"`);
  if (rule.helpdesk !== undefined) parts.push(`helpdesk ${rule.helpdesk}`);
  if (rule.field !== undefined) parts.push(`field ${rule.field.name} = "${rule.field.value}"`);
  return parts.join(' and ');
}

/**
 * Does a rule match? All its conditions must hold.
 *
 * @example
 * ruleMatches({ emailDomain: 'example.com' }, ticket) // => true for ann@eu.example.com
 */
export function ruleMatches(rule: MatchRule, ticket: Pick<Ticket, 'requester' | 'organization' | 'tags' | 'helpdesk' | 'fields'>): boolean {
  return ruleMatchesWithDomain(rule, ticket, emailDomain(ticket.requester.email));
}

/** {@link ruleMatches} with the requester's domain worked out once per ticket (matching tries every customer's rules). */
function ruleMatchesWithDomain(rule: MatchRule, ticket: Pick<Ticket, 'organization' | 'tags' | 'helpdesk' | 'fields'>, domain: string): boolean {
  if (rule.emailDomain !== undefined && !isDomainOrSubdomain(domain, rule.emailDomain)) return false;
  if (rule.organization !== undefined && !same(ticket.organization, rule.organization)) return false;
  if (rule.tag !== undefined && !ticket.tags.some((tag) => same(tag, rule.tag as string))) return false;
  if (rule.helpdesk !== undefined && ticket.helpdesk !== rule.helpdesk) return false;
  if (rule.field !== undefined && !same(ticket.fields?.[rule.field.name], rule.field.value)) return false;
  return true;
}

/**
 * The contract in force per customer and local day number, with that date as `YYYY-MM-DD`
 * (contracts and plan versions change at local midnight). Customers are immutable config values and
 * a queue's tickets share a few dozen creation dates, so this spares formatting a date and a filter
 * and sort of the contracts per ticket.
 */
const contractsByDay = new WeakMap<Customer, Map<number, { date: string; contract: Contract | undefined }>>();
const CONTRACT_CACHE_LIMIT = 10_000;

function contractOnDay(customer: Customer, dayNumber: number): { date: string; contract: Contract | undefined } {
  let byDay = contractsByDay.get(customer);
  if (!byDay) {
    byDay = new Map();
    contractsByDay.set(customer, byDay);
  }
  let entry = byDay.get(dayNumber);
  if (!entry) {
    if (byDay.size >= CONTRACT_CACHE_LIMIT) byDay.clear();
    const date = isoDateOfDayNumber(dayNumber);
    entry = { date, contract: contractOn(customer, date) };
    byDay.set(dayNumber, entry);
  }
  return entry;
}

/**
 * The contract in force on a date (`from` and `until` inclusive; the latest-starting one wins when they overlap).
 *
 * @example
 * contractOn(customer, '2026-11-23')?.plan // => 'priority-support'
 */
export function contractOn(customer: Customer, date: string): Contract | undefined {
  return customer.contracts
    .filter((contract) => (contract.from ?? '0000-01-01') <= date && date <= (contract.until ?? '9999-12-31'))
    .sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''))
    .at(-1);
}

/**
 * The plan version in force on a date.
 *
 * @example
 * versionOn(templates['priority-support'].plan, '2023-09-01').credit?.kind // => 'up-to-percent'
 */
export function versionOn(plan: Plan, date: string): PlanVersion {
  return plan.versions.filter((version) => (version.effectiveFrom ?? '0000-01-01') <= date).at(-1) ?? (plan.versions[0] as PlanVersion);
}

/**
 * Matches a ticket to its customer (customers in order, first matching rule wins) and to the plan
 * version in force when the ticket was created — or says why there is none.
 *
 * @example
 * matchCustomer(ticket, config).match // => { status: 'matched', customerName: 'Acme', planName: 'Priority Support', reason: 'rule 1 of Acme: email domain acme.example' … }
 */
export function matchCustomer(ticket: Pick<Ticket, 'requester' | 'organization' | 'tags' | 'helpdesk' | 'fields' | 'createdAt'>, config: Config): CustomerMatch {
  const domain = emailDomain(ticket.requester.email);
  for (const customer of config.customers) {
    const ruleIndex = customer.rules.findIndex((rule) => ruleMatchesWithDomain(rule, ticket, domain));
    if (ruleIndex < 0) continue;
    const why = `rule ${ruleIndex + 1} of ${customer.name}: ${describeRule(customer.rules[ruleIndex] as MatchRule)}`;
    const created = contractOnDay(customer, localDayNumber(customer.timezone ?? 'UTC', parseIsoInstantMs(ticket.createdAt)));
    const createdOn = created.date;
    const contract = created.contract;
    const plan = contract ? config.plans[contract.plan] : undefined;
    if (!contract || !plan) {
      const reason =
        customer.contracts.length === 0
          ? `${customer.name} has no plan (${why})`
          : `${customer.name} had no contract in force on ${createdOn}, when the ticket was created (${why})`;
      return { match: { status: 'no_plan', customerId: customer.id, customerName: customer.name, reason }, customer };
    }
    const version = versionOn(plan, createdOn);
    // The optional field is assigned, not spread (a slow path in V8); the field order is unchanged.
    const match: PlanMatch & { status: 'matched' } = { status: 'matched', customerId: customer.id, customerName: customer.name, planId: contract.plan, planName: plan.name } as PlanMatch & {
      status: 'matched';
    };
    if (version.effectiveFrom !== undefined) match.planVersionFrom = version.effectiveFrom;
    match.reason = why;
    return {
      match,
      customer,
      contract,
      planId: contract.plan,
      plan,
      version,
    };
  }
  const who = [ticket.requester.email || 'an unknown requester', ticket.organization && `organization "${ticket.organization}"`].filter(Boolean).join(', ');
  return { match: { status: 'no_plan', reason: `no customer rule matches ${who}` } };
}
