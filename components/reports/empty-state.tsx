import type { ReactNode } from 'react';

/** Why there is nothing to show, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="empty-state" role="status">
      <h2>{title}</h2>
      {children}
    </section>
  );
}
