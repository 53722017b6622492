import { describe, expect, it } from 'vitest';
import { SchemaError } from '../lib/schema-error.ts';
import { parseTicket } from '../lib/ticket.ts';

const valid = { id: '1', helpdesk: 'zendesk', subject: 'Hi', requester: { email: ' Ann@Acme.Example ' }, tags: [], status: 'new', createdAt: '2026-11-23T09:00:00Z', events: [], complete: true };

describe('parseTicket', () => {
  it('normalizes the requester email', () => {
    expect(parseTicket(valid).requester.email).toBe('ann@acme.example');
  });
  it.each([
    [{ ...valid, url: 'javascript:alert(1)' }, 'url', /http\(s\) URL/],
    [{ ...valid, createdAt: '2026-11-23 09:00' }, 'createdAt', /ISO-8601 instant with offset/],
    [{ ...valid, status: 'waiting' }, 'status', /./],
    [{ ...valid, events: [{ at: '2026-11-23T09:00:00Z', type: 'reply' }] }, 'events[0].type', /./],
    [{ ...valid, helpdesk: 'servicenow' }, 'helpdesk', /./],
    [{ ...valid, timeSpentMinutes: -5 }, 'timeSpentMinutes', /./],
  ])('rejects %j naming %s', (input, path, message) => {
    let error: unknown;
    try {
      parseTicket(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).issues.map((issue) => issue.path)).toContain(path);
    expect((error as SchemaError).message).toMatch(message);
  });
});
