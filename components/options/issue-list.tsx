import type { SchemaIssue } from '../../lib/schema-error.ts';

/** Validation problems, each with the path of its field (as in the JSON) and the reason. */
export function IssueList({ issues, label }: { issues: readonly SchemaIssue[]; label: string }) {
  return (
    <ul className="issue-list" aria-label={label}>
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${i}`}>
          {issue.path === '' ? null : <code>{issue.path}</code>}
          {issue.path === '' ? '' : ': '}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}
