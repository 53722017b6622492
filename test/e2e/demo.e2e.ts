/**
 * `npm run demo`'s engine, headless: the demo helpdesk, the demo configuration and every surface,
 * each drawn within the demo's time limit; only the demo helpdesk is ever contacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORIGIN } from '../../demo/helpdesk/server.ts';
import { startDemo, type RunningDemo } from '../../demo/run-demo.ts';
import { recordRequests, requestsLeaving, type LoggedRequest } from './support/network-log.ts';
import { EXTENSION_DIR, missingSurfaces } from './support/extension-under-test.ts';
import { SCREENSHOT_DIR } from './support/screenshots.ts';

describe.skipIf(missingSurfaces('the demo suite', 'overlay', 'background'))('npm run demo (headless)', () => {
  let demo: RunningDemo | undefined;
  const requests: LoggedRequest[] = [];

  beforeAll(async () => {
    demo = await startDemo({
      extensionDir: EXTENSION_DIR,
      headless: true,
      outputDir: SCREENSHOT_DIR,
      screenshotPrefix: 'demo-',
      log: () => undefined,
      onBrowser: (browser) => recordRequests(browser.context, requests),
    });
  });

  afterAll(async () => {
    await demo?.stop();
  });

  it('draws every surface the build has and writes a screenshot of each', () => {
    expect(demo!.problems.filter((problem) => !problem.includes('not in this build'))).toEqual([]);
    const names = demo!.screenshots.map((shot) => shot.file.replace(/^.*\//, ''));
    expect(names).toEqual(expect.arrayContaining(['demo-list-page.png', 'demo-ticket-1002.png', 'demo-ticket-1004.png', 'demo-popup.png']));
  });

  it('talks to nothing but the demo helpdesk', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requestsLeaving(requests, [DEMO_ORIGIN], demo!.browser.extensionId)).toEqual([]);
  });
});
