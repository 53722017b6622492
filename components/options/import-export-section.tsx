import { useId, useState } from 'react';
import { SchemaError, type SchemaIssue } from '../../lib/schema-error.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { IssueList } from './issue-list.tsx';
import { useEnvironment } from './options-environment.ts';

/**
 * Export the saved configuration as JSON, or import one. An import is validated (and migrated from
 * older versions) before anything is written; an invalid file lists every problem with the path of
 * its field and changes nothing.
 */
export function ImportExportSection() {
  const { now } = useEnvironment();
  const saved = useOptionsStore((state) => state.saved);
  const dirty = useOptionsStore((state) => state.dirty);
  const importConfig = useOptionsStore((state) => state.importConfig);
  const managed = useOptionsStore((state) => state.managedParts);
  const inputId = useId();
  const [issues, setIssues] = useState<readonly SchemaIssue[]>([]);
  const [status, setStatus] = useState('');

  const exportFile = (): void => {
    const blob = new Blob([`${JSON.stringify(saved, null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `sla-lens-config-${now.toFormat('yyyy-MM-dd')}.json`;
    link.click();
    URL.revokeObjectURL(url);
    setStatus('Configuration exported.');
  };

  const importFile = async (file: File): Promise<void> => {
    setIssues([]);
    setStatus('');
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      setIssues([{ path: '', message: `${file.name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
      setStatus(`${file.name} was not imported; your configuration is unchanged.`);
      return;
    }
    try {
      await importConfig(json);
      setStatus(`${file.name} imported and saved.`);
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      setIssues(error.issues);
      setStatus(`${file.name} was not imported: ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}; your configuration is unchanged.`);
    }
  };

  return (
    <div className="import-export">
      <section className="card" aria-label="Export">
        <h3>Export</h3>
        <p>Downloads the saved configuration as JSON{dirty ? ' (unsaved changes are not included)' : ''}.</p>
        <button type="button" onClick={exportFile}>
          Export configuration
        </button>
      </section>
      <section className="card" aria-label="Import">
        <h3>Import</h3>
        <p>
          Replaces the whole configuration with the file’s{managed.length > 0 ? ', except the parts your organization manages' : ''}. Older versions are migrated. Nothing changes if the file has a
          problem.
        </p>
        <label htmlFor={inputId}>Import a configuration file</label>
        <input
          id={inputId}
          type="file"
          accept=".json,application/json"
          aria-invalid={issues.length > 0}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <p role="status" aria-live="polite">
          {status}
        </p>
        {issues.length > 0 && <IssueList issues={issues} label="Problems in the imported file" />}
      </section>
    </div>
  );
}
