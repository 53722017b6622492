/**
 * The Firefox build (`wxt build -b firefox`, made by global-setup.ts) passes Mozilla's add-on linter,
 * `web-ext lint`, with no errors. Warnings are allowed; they are written to
 * test-results/web-ext-lint.json and printed, so they stay visible.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIREFOX_DIR } from './support/extension-under-test.ts';

const messageSchema = z.looseObject({ code: z.string(), message: z.string(), file: z.string().optional() });
const reportSchema = z.looseObject({
  summary: z.object({ errors: z.number(), warnings: z.number(), notices: z.number() }),
  errors: z.array(messageSchema),
  warnings: z.array(messageSchema),
  notices: z.array(messageSchema),
});

/** web-ext exits non-zero when it finds errors; its JSON report is on stdout either way. */
function lint(sourceDir: string): string {
  try {
    return execFileSync('npx', ['web-ext', 'lint', '--source-dir', sourceDir, '--output=json', '--no-input'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stdout = (error as { stdout?: unknown }).stdout;
    if (typeof stdout === 'string' && stdout.trim().startsWith('{')) return stdout;
    throw error;
  }
}

describe('Firefox build', () => {
  it('passes web-ext lint without errors', () => {
    expect(existsSync(resolve(FIREFOX_DIR, 'manifest.json')), `${FIREFOX_DIR} is built`).toBe(true);
    const report = reportSchema.parse(JSON.parse(lint(FIREFOX_DIR)));
    mkdirSync(resolve('test-results'), { recursive: true });
    writeFileSync(resolve('test-results/web-ext-lint.json'), `${JSON.stringify(report, null, 2)}\n`);
    // One line per kind of warning (the linter repeats some once per occurrence).
    const kinds = new Map<string, number>();
    for (const warning of report.warnings) {
      const kind = `${warning.code} in ${warning.file ?? 'manifest.json'}: ${warning.message}`;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    for (const [kind, count] of kinds) console.log(`web-ext lint warning${count > 1 ? ` (×${count})` : ''}: ${kind}`);
    expect(report.errors.map((error) => `${error.code} ${error.file ?? ''}: ${error.message}`)).toEqual([]);
  });
});
