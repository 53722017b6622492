import { DateTime } from 'luxon';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { loadRegistryTickets } from '../../lib/reports/registry-source.ts';
import { loadConfig } from '../../lib/storage/config-storage.ts';
import type { Ticket } from '../../lib/ticket.ts';
import { App } from './app.tsx';
import '../../components/theme.css';
import './style.css';

async function start(root: HTMLElement) {
  const loaded = await loadConfig();
  const problems = [...loaded.problems];
  let tickets: Ticket[] = [];
  try {
    tickets = await loadRegistryTickets();
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const openOptions = () => {
    browser.runtime.openOptionsPage().catch((error: unknown) => console.error('SLA Lens: cannot open the options page', error));
  };
  createRoot(root).render(
    <StrictMode>
      {/* The page's only clock reading: lib/ takes `now` as a parameter. */}
      <App config={loaded.config} noPlan={loaded.isEmpty} tickets={tickets} problems={problems} now={DateTime.now()} onOpenOptions={openOptions} />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
if (root) void start(root);
