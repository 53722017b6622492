import { DateTime } from 'luxon';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsEnvironmentContext } from '../../components/options/options-environment.ts';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import { configItem, loadConfig } from '../../lib/storage/config-storage.ts';
import { App } from './app.tsx';
import { removeOrigin, requestOrigin } from './site-access.ts';
import '../../components/theme.css';
import './style.css';

const reload = async (): Promise<void> => {
  useOptionsStore.getState().hydrate(await loadConfig());
};

// Another tab (or an import elsewhere) saved: follow it unless this page has unsaved edits.
configItem.watch((stored) => {
  const state = useOptionsStore.getState();
  if (!state.dirty && JSON.stringify(stored) !== JSON.stringify(state.saved)) void reload();
});
void reload();

const zone = DateTime.local().zoneName;

/** The page reads the clock here, once a minute, and hands it down (lib/ never reads it). */
function Root() {
  const [now, setNow] = useState(() => DateTime.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(DateTime.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <OptionsEnvironmentContext value={{ now, zone, requestOrigin, removeOrigin }}>
      <App />
    </OptionsEnvironmentContext>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}
