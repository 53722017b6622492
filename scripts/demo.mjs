#!/usr/bin/env node
// `npm run demo` (after scripts/bootstrap.mjs): checks the two system programs the demo needs, builds
// the extension, then runs demo/main.ts (TypeScript, through tsx): the demo helpdesk on 127.0.0.1 and
// Chromium with SLA Lens. Plain JavaScript: it runs before anything is compiled.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push(['Chromium', 'chromium']);
if (spawnSync('openssl', ['version']).error) missing.push(['OpenSSL (for the demo helpdesk\'s local certificate)', 'openssl']);
if (missing.length > 0) {
  console.error(`npm run demo needs ${missing.map(([what]) => what).join(' and ')}. On Debian 12 install ${missing.length === 1 ? 'it' : 'them'} with:\n`);
  console.error(`  sudo apt-get install -y --no-install-recommends ${missing.map(([, pkg]) => pkg).join(' ')}\n`);
  if (!existsSync(chromium)) console.error(`(or point CHROMIUM_PATH at a Chromium binary; Google Chrome 137+ ignores --load-extension and cannot be used)`);
  process.exit(1);
}

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
// Ctrl-C reaches both processes; the demo cleans up and exits, and this one follows with its exit code.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
const demo = spawn(process.execPath, ['--import', 'tsx', 'demo/main.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
demo.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
