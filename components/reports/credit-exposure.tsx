import type { CreditEstimate } from '../../lib/plans/index.ts';
import { creditText } from '../../lib/reports/report-text.ts';

interface CreditExposureProps {
  credit: CreditEstimate | null;
  /** Binding targets not decided yet. */
  openTargets: number;
  /** YYYY-MM-DD, to tell whether the claim window has closed. */
  today: string;
}

/** A row's service credit: what is owed, by when it must be claimed, and the contract's own words. */
export function CreditExposure({ credit, openTargets, today }: CreditExposureProps) {
  const text = creditText(credit, openTargets, today);
  return (
    <div className={credit?.owed ? 'credit credit-owed' : 'credit'}>
      <p>
        <strong>Service credit: </strong>
        {text.amount}
      </p>
      {text.claim !== null && <p>{text.claim}</p>}
      {text.terms !== null && (
        <blockquote>
          <p>{text.terms}</p>
        </blockquote>
      )}
      {text.expiry !== null && <p className="note">{text.expiry}</p>}
    </div>
  );
}
