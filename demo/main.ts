/**
 * `npm run demo` (after scripts/demo.mjs has built the extension): the demo helpdesk, Chromium with
 * SLA Lens and the demo configuration. Without a display (or with --headless) it writes a screenshot
 * of each surface to demo-output/ and exits; with one (or with --headed) it opens a window and keeps
 * serving until Ctrl-C or until the window is closed.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { startDemo } from './run-demo.ts';

const args = process.argv.slice(2);
const hasDisplay = Boolean(process.env['DISPLAY'] ?? process.env['WAYLAND_DISPLAY']);
const headless = args.includes('--headless') || (!args.includes('--headed') && !hasDisplay);
if (!headless && !hasDisplay) {
  console.error('--headed needs a display ($DISPLAY or $WAYLAND_DISPLAY); without one the demo writes screenshots instead.');
  process.exit(2);
}
const extensionDir = resolve('.output/chrome-mv3');
const outputDir = resolve('demo-output');
const log = (line: string) => console.log(line);

if (headless) {
  // Old screenshots would pass for new ones.
  mkdirSync(outputDir, { recursive: true });
  for (const file of readdirSync(outputDir)) if (file.endsWith('.png')) rmSync(join(outputDir, file));
}

const demo = await startDemo({ extensionDir, headless, outputDir, log });
for (const problem of demo.problems) log(`note: ${problem}`);
if (headless) {
  log(`\nNo display${hasDisplay ? ' wanted' : ''}: screenshots of each surface are in ${relative(process.cwd(), outputDir) || '.'}/`);
  for (const { file, shows } of demo.screenshots) log(`  ${relative(process.cwd(), file)} — ${shows}`);
  await demo.stop();
  // Missing surfaces of an unfinished build are notes; a surface that is built but never drew is a failure.
  process.exitCode = demo.problems.some((problem) => !problem.includes('not in this build')) ? 1 : 0;
} else {
  log('\nChromium is open with SLA Lens on the demo helpdesk: the list page, two tickets, the popup and the options page are in tabs.');
  log('The extension icon in the toolbar opens the popup too. Press Ctrl-C here (or close the window) to stop.');
  await new Promise<void>((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
    demo.browser.context.once('close', () => done());
  });
  await demo.stop();
  log('Demo stopped.');
}
