/** What no report can know: the tickets SLA Lens never saw. */
export function ReportFootnote({ ticketsOnRecord, withoutPlan }: { ticketsOnRecord: number; withoutPlan: number }) {
  return (
    <footer className="footnote">
      <h2>What this report cannot know</h2>
      <ul>
        <li>
          {`Only tickets SLA Lens has seen are counted (${ticketsOnRecord} on record). Tickets nobody opened or listed in the helpdesk with SLA Lens running are missing, and so are tickets already removed from its history.`}
        </li>
        {withoutPlan > 0 && <li>{`${withoutPlan} ${withoutPlan === 1 ? 'ticket' : 'tickets'} this month matched no customer plan and ${withoutPlan === 1 ? 'is' : 'are'} not in any row.`}</li>}
        <li>Times are business time on each plan’s calendar; months and weeks follow each customer’s time zone.</li>
      </ul>
    </footer>
  );
}
