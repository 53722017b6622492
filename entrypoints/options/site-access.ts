import { browser } from 'wxt/browser';

/**
 * Asks for access to a self-hosted helpdesk's origin. Call it synchronously from the click (or
 * submit) handler: browsers grant optional permissions only during a user gesture. The background
 * registers the content script when `permissions.onAdded` fires.
 */
export function requestOrigin(origin: string): Promise<boolean> {
  return browser.permissions.request({ origins: [`${origin}/*`] });
}

/** Gives the access back when a site is removed. */
export function removeOrigin(origin: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [`${origin}/*`] });
}
