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
  for (const args of [['wxt', 'build'], ['wxt', 'build', '-b', 'firefox']]) {
    execFileSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  }
}
