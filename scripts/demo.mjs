#!/usr/bin/env node
// `npm run demo`: builds the extension and says where to load it.
// (Becomes the full built-in demo — served demo helpdesk + Chromium — with issue #7.)
import { execFileSync } from 'node:child_process';
import path from 'node:path';

execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
console.log(`\nSLA Lens is built: load the unpacked extension from ${path.resolve('.output/chrome-mv3')}`);
console.log('(chrome://extensions → Developer mode → Load unpacked).');
