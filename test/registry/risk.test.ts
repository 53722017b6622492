import { describe, expect, it } from 'vitest';
import { badgeSummary, BADGE_COLORS, isAssignedTo, mostUrgentClock, riskOf, type TrackedTicket } from '../../lib/registry/risk.ts';
import { emptyRegistry, registryKey, upsertTickets } from '../../lib/registry/ticket-registry.ts';
import type { TicketEvaluation } from '../../lib/plans/index.ts';
import { at, makeClock, makeEvaluation, makeTicket, ORIGIN, plusMinutes, T0 } from './fixtures.ts';

const key = registryKey({ helpdesk: 'zendesk', origin: ORIGIN, id: '42' });
const entry = upsertTickets(emptyRegistry(), [{ origin: ORIGIN, ticket: makeTicket() }], at(T0)).registry.entries[key]!;
const tracked = (evaluation: TicketEvaluation | undefined): TrackedTicket => ({ key, entry, evaluation });

describe('risk', () => {
  it('is the worst of the binding clocks still to be met', () => {
    expect(riskOf(undefined)).toBe('not_evaluated');
    expect(riskOf(makeEvaluation())).toBe('ok');
    expect(riskOf(makeEvaluation({ clocks: [makeClock(), makeClock({ metric: 'resolution', warning: 'warning' })] }))).toBe('warning');
    expect(riskOf(makeEvaluation({ clocks: [makeClock({ warning: 'warning' }), makeClock({ state: 'breached', warning: 'breached' })] }))).toBe('breached');
    expect(riskOf(makeEvaluation({ clocks: [makeClock({ state: 'met_late', warning: 'breached' })] }))).toBe('ok');
    expect(riskOf(makeEvaluation({ clocks: [makeClock({ binding: false, warning: 'breached' })] }))).toBe('ok');
    expect(riskOf(makeEvaluation({ clocks: [makeClock({ state: 'paused', deadline: null })] }))).toBe('paused');
    expect(riskOf(makeEvaluation({ match: { status: 'no_plan', reason: 'none' } }))).toBe('not_covered');
  });

  it('finds the clock with the earliest deadline', () => {
    const evaluation = makeEvaluation({
      clocks: [
        makeClock({ metric: 'resolution', label: 'Resolution', deadline: plusMinutes(T0, 480) }),
        makeClock({ metric: 'first_response', label: 'First response', deadline: plusMinutes(T0, 30) }),
        makeClock({ metric: 'next_response', label: 'Paused', state: 'paused', deadline: plusMinutes(T0, 1) }),
      ],
    });
    expect(mostUrgentClock(evaluation)?.label).toBe('First response');
  });

  it('matches "me" by name or email, ignoring case', () => {
    expect(isAssignedTo(makeTicket({ assignee: 'Ada Lovelace' }), ['ada lovelace'])).toBe(true);
    expect(isAssignedTo(makeTicket({ assignee: 'ada@acme.example' }), ['Ada Lovelace', 'ADA@acme.example'])).toBe(true);
    expect(isAssignedTo(makeTicket({ assignee: undefined }), ['Ada'])).toBe(false);
  });
});

describe('badgeSummary', () => {
  it('is empty when nothing is at risk', () => {
    expect(badgeSummary([tracked(makeEvaluation())])).toMatchObject({ text: '', breached: 0, warning: 0 });
    expect(badgeSummary([])).toMatchObject({ text: '' });
  });

  it('counts breached and warning binding clocks, amber when only warnings', () => {
    const summary = badgeSummary([
      tracked(makeEvaluation({ clocks: [makeClock({ warning: 'warning' }), makeClock({ metric: 'resolution', warning: 'warning' })] })),
      tracked(makeEvaluation({ clocks: [makeClock({ binding: false, warning: 'breached' })] })),
      tracked(undefined),
    ]);
    expect(summary).toEqual({ breached: 0, warning: 2, text: '2', color: BADGE_COLORS.warning, title: 'SLA Lens: 0 breached, 2 at risk' });
  });

  it('turns red as soon as one clock is breached', () => {
    const summary = badgeSummary([
      tracked(makeEvaluation({ clocks: [makeClock({ warning: 'warning' })] })),
      tracked(makeEvaluation({ clocks: [makeClock({ state: 'breached', warning: 'breached' })] })),
    ]);
    expect(summary).toMatchObject({ breached: 1, warning: 1, text: '2', color: BADGE_COLORS.breached });
  });

  it('ignores met clocks and tickets without a plan', () => {
    const summary = badgeSummary([
      tracked(makeEvaluation({ clocks: [makeClock({ state: 'met_late', warning: 'breached' })] })),
      tracked(makeEvaluation({ match: { status: 'no_plan', reason: 'none' }, clocks: [makeClock({ warning: 'breached' })] })),
    ]);
    expect(summary.text).toBe('');
  });
});
