import { useId } from 'react';
import { formatMonth } from '../../lib/reports/report-text.ts';

/** A choice in a filter. */
export interface FilterOption {
  value: string;
  label: string;
}

interface ReportFiltersProps {
  month: string;
  /** Months to offer, newest first (YYYY-MM). */
  months: readonly string[];
  onMonthChange: (month: string) => void;
  /** '' for every customer. */
  customer: string;
  customers: readonly FilterOption[];
  onCustomerChange: (customer: string) => void;
  /** '' for every plan. */
  plan: string;
  plans: readonly FilterOption[];
  onPlanChange: (plan: string) => void;
}

/** Month, customer and plan. Native selects: keyboard and screen-reader support come with them (and `<input type=month>` is missing in Firefox). */
export function ReportFilters(props: ReportFiltersProps) {
  const id = useId();
  return (
    <div className="filters" role="group" aria-label="Report filters">
      <label htmlFor={`${id}-month`}>Month</label>
      <select id={`${id}-month`} value={props.month} onChange={(event) => props.onMonthChange(event.target.value)}>
        {props.months.map((month) => (
          <option key={month} value={month}>
            {formatMonth(month)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-customer`}>Customer</label>
      <select id={`${id}-customer`} value={props.customer} onChange={(event) => props.onCustomerChange(event.target.value)}>
        <option value="">All customers</option>
        {props.customers.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-plan`}>Plan</label>
      <select id={`${id}-plan`} value={props.plan} onChange={(event) => props.onPlanChange(event.target.value)}>
        <option value="">All plans</option>
        {props.plans.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
