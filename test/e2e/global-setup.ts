import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Builds the extension the suite drives — Chrome MV3 for the browser tests, Firefox MV2 for web-ext
 * lint — and empties the screenshot folder so every screenshot left behind is from this run. Skipped
 * for a build given in $SLA_LENS_EXTENSION_DIR.
 */
export default function setup(): void {
  rmSync(resolve('test-results/screenshots'), { recursive: true, force: true });
  if (process.env['SLA_LENS_EXTENSION_DIR']) return;
  // Vitest sets NODE_ENV=test, which Vite would inherit: React's JSX would then be compiled for the development
  // runtime (jsxDEV) but bundled with the production one, and every React root in the content script would throw.
  const env = { ...process.env };
  delete env['NODE_ENV'];
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
}
