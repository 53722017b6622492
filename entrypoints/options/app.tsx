import { useState } from 'react';
import { CalendarsSection } from '../../components/options/calendars-section.tsx';
import { CustomersSection } from '../../components/options/customers-section.tsx';
import { HelpdesksSection } from '../../components/options/helpdesks-section.tsx';
import { ImportExportSection } from '../../components/options/import-export-section.tsx';
import { PlansSection } from '../../components/options/plans-section.tsx';
import { PreferencesSection } from '../../components/options/preferences-section.tsx';
import { QueuesSection } from '../../components/options/queues-section.tsx';
import { SaveBar } from '../../components/options/save-bar.tsx';
import { SeverityMappingsSection } from '../../components/options/severity-mappings-section.tsx';
import { Simulator } from '../../components/options/simulator.tsx';
import { TemplatesSection } from '../../components/options/templates-section.tsx';
import { useOptionsStore } from '../../lib/state/options-store.ts';

const SECTIONS = [
  { id: 'templates', title: 'Templates', render: () => <TemplatesSection /> },
  { id: 'calendars', title: 'Calendars', render: () => <CalendarsSection /> },
  { id: 'plans', title: 'Plans', render: () => <PlansSection /> },
  { id: 'customers', title: 'Customers', render: () => <CustomersSection /> },
  { id: 'severity', title: 'Severity mapping', render: () => <SeverityMappingsSection /> },
  { id: 'helpdesks', title: 'Helpdesks', render: () => <HelpdesksSection /> },
  { id: 'my-alerts', title: 'My alerts', render: () => <PreferencesSection /> },
  { id: 'team-queues', title: 'Team queues', render: () => <QueuesSection /> },
  { id: 'simulator', title: 'Simulator', render: () => <Simulator /> },
  { id: 'import-export', title: 'Import / export', render: () => <ImportExportSection /> },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** The options page: one section at a time, the save bar always visible. */
export function App({ initialSection = 'templates' }: { initialSection?: SectionId }) {
  const loaded = useOptionsStore((state) => state.loaded);
  const problems = useOptionsStore((state) => state.problems);
  const empty = useOptionsStore((state) => Object.keys(state.saved.plans).length === 0);
  const [current, setCurrent] = useState<SectionId>(initialSection);
  if (!loaded) return <p role="status">Loading the configuration…</p>;
  const section = SECTIONS.find((candidate) => candidate.id === current) ?? SECTIONS[0];
  return (
    <div className="options">
      <header>
        <h1>SLA Lens settings</h1>
        {empty && <p>No plan is configured yet: start from a template.</p>}
        {problems.length > 0 && (
          <div role="alert" className="problems">
            <p>Problems found while loading (the rest of the configuration works):</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
      </header>
      <nav aria-label="Sections">
        <ul>
          {SECTIONS.map((candidate) => (
            <li key={candidate.id}>
              <button type="button" aria-current={candidate.id === current ? 'page' : undefined} onClick={() => setCurrent(candidate.id)}>
                {candidate.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <SaveBar />
      <main>
        <h2>{section.title}</h2>
        {section.render()}
      </main>
    </div>
  );
}
