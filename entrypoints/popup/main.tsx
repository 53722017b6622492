import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging/messaging.ts';
import { connectQueueStore, createQueueStore } from '../../lib/state/queue-store.ts';
import { PopupApp } from './app.tsx';
import './style.css';

const store = createQueueStore();
void connectQueueStore(store, { grantedOrigins: async () => (await browser.permissions.getAll()).origins ?? [] });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PopupApp
        store={store}
        zone={Intl.DateTimeFormat().resolvedOptions().timeZone}
        onOpenTicket={(url) => void browser.tabs.create({ url })}
        onOpenOptions={() => void browser.runtime.openOptionsPage()}
        onOpenReports={() => void browser.tabs.create({ url: browser.runtime.getURL('/reports.html') })}
        onRefresh={() => sendMessage('refreshQueue', {})}
      />
    </StrictMode>,
  );
}
