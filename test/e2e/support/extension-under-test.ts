import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { builtSurfaces } from '../../../demo/kit/surfaces.ts';

/**
 * The built extension the suite drives: `wxt build`'s output (global-setup.ts builds it first), or
 * `$SLA_LENS_EXTENSION_DIR` to run the suite against another build.
 */
export const EXTENSION_DIR = resolve(process.env['SLA_LENS_EXTENSION_DIR'] ?? '.output/chrome-mv3');
export const FIREFOX_DIR = resolve(process.env['SLA_LENS_FIREFOX_DIR'] ?? '.output/firefox-mv2');

/** Which surfaces the build has: suites of surfaces not on this branch yet are skipped, and say so. */
export const surfaces = builtSurfaces(EXTENSION_DIR);

const manifestSchema = z.looseObject({ host_permissions: z.array(z.string()).optional() });

/**
 * A copy of the build in which `origins` are host permissions granted at install, standing in for the
 * agent clicking "Allow" in Chromium's permission prompt. Automation cannot click that prompt: it is
 * browser UI, not a page, and Chromium has no switch to accept it (only its own C++ tests can), so
 * `permissions.request()` would wait forever. With the origin already granted, the options page's real
 * "Add and allow access" flow runs unchanged — `permissions.request()` resolves `true` at once — and
 * the background registers the content script for the granted origin when it starts.
 *
 * @example
 * const extensionDir = extensionWithGrantedOrigins('rt', ['http://127.0.0.1:8080/*']);
 */
export function extensionWithGrantedOrigins(name: string, origins: readonly string[]): string {
  const dir = resolve('test-results/extensions', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...origins])];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/**
 * Why a suite needing these surfaces must be skipped (said on the console), or undefined when the build
 * has them all. test/e2e/build.e2e.ts fails if a surface that is on main is missing.
 */
export function missingSurfaces(suite: string, ...needed: (keyof typeof surfaces)[]): string | undefined {
  const missing = needed.filter((surface) => !surfaces[surface]);
  if (missing.length === 0) return undefined;
  const why = `not in this build yet: ${missing.join(', ')}`;
  console.warn(`Skipping ${suite}: ${why}`);
  return why;
}
