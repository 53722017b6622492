/** The plan model and the SLA evaluator: pure functions of a ticket, the configuration and `now`. */
export * from './config-schema.ts';
export * from './evaluation-schema.ts';
export { emptyConfig, migrations, parseConfig } from './parse-config.ts';
export { templates, withTemplate, type PlanTemplate, type TemplateId } from './templates.ts';
export { evaluateTicket } from './evaluate-ticket.ts';
export { matchCustomer, contractOn, versionOn, ruleMatches, emailDomain, type CustomerMatch } from './match-customer.ts';
export { monthlyCompliance, type ComplianceRow, type ComplianceTicket, type CreditEstimate, type MetricTally, type MonthlyCompliance } from './monthly-compliance.ts';
