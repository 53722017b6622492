/**
 * The suites skip a surface that is not built (branches land on main one by one). This test keeps
 * that from hiding a regression: every surface listed here is on main and must be in the build.
 * Add a surface to the list when its branch lands.
 */
import { describe, expect, it } from 'vitest';
import type { BuiltSurfaces } from '../../demo/kit/surfaces.ts';
import { EXTENSION_DIR, surfaces } from './support/extension-under-test.ts';

const ON_MAIN: (keyof BuiltSurfaces)[] = ['overlay', 'background', 'popupQueue', 'options', 'reports'];

describe('the build under test', () => {
  it(`has every surface that is on main (${EXTENSION_DIR})`, () => {
    expect(ON_MAIN.filter((surface) => !surfaces[surface])).toEqual([]);
  });
});
