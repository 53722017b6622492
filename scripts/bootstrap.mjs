#!/usr/bin/env node
// Makes `npm test` and `npm run demo` work on a fresh clone: installs the locked dependencies when
// node_modules is missing or older than package-lock.json. Plain JavaScript: it runs before them.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync(installed).mtimeMs < statSync('package-lock.json').mtimeMs;
if (stale) {
  console.log('bootstrap: installing dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
