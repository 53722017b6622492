import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function Popup() {
  return <main>SLA Lens</main>;
}

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><Popup /></StrictMode>);
