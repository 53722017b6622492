/**
 * What the content script last saw on a site. The background keeps these reports (message
 * `reportDiagnostics`); until a storage item for them exists on main there is nothing to read.
 */
export function SiteDiagnostics({ origin }: { origin: string }) {
  return (
    <section className="diagnostics" aria-label={`Diagnostics for ${origin}`}>
      <h4>Diagnostics</h4>
      <p className="muted">No data yet. Open a ticket on {origin}; what SLA Lens recognized there will show here.</p>
    </section>
  );
}
