// @vitest-environment happy-dom
// (MatchPattern checks for the DOM's `Location` class, which Node lacks.)
import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import { isHelpdeskUrl } from '../../../lib/adapters/shared/helpdesk-url.ts';

const matches = [new MatchPattern('https://*.zendesk.com/*')];

describe('isHelpdeskUrl', () => {
  it('without a site, accepts the hosts of the match patterns only', () => {
    expect(isHelpdeskUrl(new URL('https://acme.zendesk.com/agent/tickets/1'), matches)).toBe(true);
    expect(isHelpdeskUrl(new URL('http://acme.zendesk.com/agent/tickets/1'), matches)).toBe(false);
    expect(isHelpdeskUrl(new URL('https://acme.zendesk.com.evil.example/agent/tickets/1'), matches)).toBe(false);
  });

  it("with a site, accepts that site's origin only (a helpdesk on the agent's own domain)", () => {
    const site = { origin: 'https://help.acme.com', helpdesk: 'zendesk' } as const;
    expect(isHelpdeskUrl(new URL('https://help.acme.com/agent/tickets/1'), matches, site)).toBe(true);
    expect(isHelpdeskUrl(new URL('https://acme.zendesk.com/agent/tickets/1'), matches, site)).toBe(false);
  });
});
