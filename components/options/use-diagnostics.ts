import { useEffect, useState } from 'react';
import { diagnosticsItem, diagnosticsSchema, readDiagnostics, type Diagnostics } from '../../lib/storage/diagnostics-storage.ts';
import { watchStored, type Stored } from '../../lib/storage/stored-value.ts';

/** What the content scripts reported per site (written by the background), kept current while the page is open. */
export function useDiagnostics(): Stored<Diagnostics> | undefined {
  const [diagnostics, setDiagnostics] = useState<Stored<Diagnostics>>();
  useEffect(() => {
    let live = true;
    void readDiagnostics().then((stored) => {
      if (live) setDiagnostics(stored);
    });
    const unwatch = watchStored(diagnosticsItem, diagnosticsSchema, 'diagnostics', setDiagnostics);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return diagnostics;
}
