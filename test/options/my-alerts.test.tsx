// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PreferencesSection } from '../../components/options/preferences-section.tsx';
import { App } from '../../entrypoints/options/app.tsx';
import { defaultPreferences, preferencesItem, type PreferencesInput } from '../../lib/storage/preferences-storage.ts';
import { renderOptions } from './render-options.tsx';

async function renderAlerts(stored?: PreferencesInput) {
  if (stored !== undefined) await preferencesItem.setValue(stored);
  await renderOptions(<PreferencesSection />);
  // The form appears once the stored preferences are read.
  await screen.findByRole('form', { name: 'My alerts' });
  return userEvent.setup();
}

const save = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Save my alerts' }));
const status = () => within(screen.getByRole('form', { name: 'My alerts' })).getByRole('status');
const threshold = (n: number) => within(screen.getByRole('listitem', { name: `Threshold ${n}` }));

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(cleanup);

describe('my alerts', () => {
  it('shows the defaults and saves who I am, my groups and the scope as valid preferences', async () => {
    const user = await renderAlerts();
    expect(screen.getByLabelText<HTMLInputElement>('Notify me about clocks at risk').checked).toBe(true);
    expect(screen.getAllByRole('listitem', { name: /^Threshold / })).toHaveLength(4);
    expect(screen.getByLabelText<HTMLInputElement>('Only notify during my working hours').checked).toBe(false);

    await user.type(screen.getByLabelText('My names and emails'), 'Ada Lovelace\n\nada@example.com\n');
    await user.type(screen.getByLabelText('My groups'), 'Tier 2');
    await user.selectOptions(screen.getByLabelText('Notify about'), 'Only tickets assigned to me');
    expect(status().textContent).toBe('Unsaved changes.');
    await save(user);

    await waitFor(() => expect(status().textContent).toBe('Saved. Notifications follow these settings from now on.'));
    const defaults = defaultPreferences();
    expect(await preferencesItem.getValue()).toEqual({
      me: ['Ada Lovelace', 'ada@example.com'],
      myGroups: ['Tier 2'],
      notifications: { ...defaults.notifications, scope: 'mine' },
    });
  });

  it('loads what is stored', async () => {
    await renderAlerts({ me: ['Grace Hopper'], notifications: { enabled: false, thresholds: [{ kind: 'breached' }] } });
    expect(screen.getByLabelText<HTMLTextAreaElement>('My names and emails').value).toBe('Grace Hopper');
    expect(screen.getByLabelText<HTMLInputElement>('Notify me about clocks at risk').checked).toBe(false);
    // Switched off, the rest is kept but cannot be edited.
    expect(screen.getByLabelText<HTMLSelectElement>('Threshold 1: type').value).toBe('breached');
    expect(within(screen.getByRole('group', { name: 'When to notify' })).getByLabelText('Threshold 1: type')).toBeDefined();
    expect(screen.getByRole('group', { name: 'When to notify' }).hasAttribute('disabled')).toBe(true);
  });

  it('names an invalid threshold, marks it, and writes nothing until it is fixed', async () => {
    const stored: PreferencesInput = { me: ['Ada Lovelace'] };
    const user = await renderAlerts(stored);
    const percent = threshold(1).getByLabelText('Threshold 1: percent used');
    await user.clear(percent);
    await user.type(percent, '150');
    await save(user);

    const error = screen.getByText('Threshold 1: percent used: Too big: expected number to be <=99');
    expect(percent.getAttribute('aria-invalid')).toBe('true');
    expect(percent.getAttribute('aria-describedby')).toContain(error.id);
    expect(status().textContent).toBe('Not saved: 1 problem to fix, named below.');
    expect(within(screen.getByRole('list', { name: 'Problems in my alerts' })).getByText('notifications.thresholds[0].percent')).toBeDefined();
    expect(await preferencesItem.getValue()).toEqual(stored);

    // After a failed save the form checks every edit: fixing the field clears its error.
    await user.clear(percent);
    await user.type(percent, '90');
    expect(screen.queryByText(/Threshold 1: percent used: /)).toBeNull();
    await save(user);
    await waitFor(async () => expect((await preferencesItem.getValue()).notifications?.thresholds?.[0]).toEqual({ kind: 'percent', percent: 90 }));
  });

  it('adds, changes and removes thresholds', async () => {
    const user = await renderAlerts();
    await user.click(screen.getByRole('button', { name: 'Remove threshold 2' }));
    await user.click(screen.getByRole('button', { name: 'Add threshold' }));
    await user.selectOptions(threshold(4).getByLabelText('Threshold 4: type'), 'Business minutes left');
    const minutes = threshold(4).getByLabelText('Threshold 4: minutes left');
    await user.clear(minutes);
    await user.type(minutes, '60');
    await user.click(screen.getByRole('button', { name: 'Remove threshold 3' }));
    await save(user);

    await waitFor(async () =>
      expect((await preferencesItem.getValue()).notifications?.thresholds).toEqual([
        { kind: 'percent', percent: 50 },
        { kind: 'minutes_left', minutes: 15 },
        { kind: 'minutes_left', minutes: 60 },
      ]),
    );
  });

  it('stops adding thresholds at the limit', async () => {
    const user = await renderAlerts();
    const add = screen.getByRole('button', { name: 'Add threshold' });
    for (let i = 4; i < 10; i++) await user.click(add);
    expect(add.matches(':disabled')).toBe(true);
    expect(screen.getByText('At most 10 thresholds.')).toBeDefined();
  });

  it('switches working hours on (my zone, weekly hours) and off again', async () => {
    const user = await renderAlerts();
    await user.click(screen.getByLabelText('Only notify during my working hours'));
    expect(screen.getByLabelText<HTMLInputElement>('My time zone').value).toBe('Europe/London');
    await user.click(screen.getByRole('button', { name: '24x5 (Mon–Fri, all day)' }));
    await save(user);
    const allDay = [['00:00', '00:00']];
    await waitFor(async () =>
      expect((await preferencesItem.getValue()).notifications?.workingHours).toEqual({
        timezone: 'Europe/London',
        weekly: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay },
      }),
    );

    await user.click(screen.getByLabelText('Only notify during my working hours'));
    expect(screen.queryByLabelText('My time zone')).toBeNull();
    await save(user);
    await waitFor(async () => expect((await preferencesItem.getValue()).notifications?.workingHours).toBeNull());

    // Back on: the hours last shown return rather than the default.
    await user.click(screen.getByLabelText('Only notify during my working hours'));
    expect(within(screen.getByRole('group', { name: 'Friday' })).getByText('all day')).toBeDefined();
  });

  it('names an unknown time zone and writes nothing', async () => {
    const user = await renderAlerts();
    await user.click(screen.getByLabelText('Only notify during my working hours'));
    const zone = screen.getByLabelText('My time zone');
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus');
    await save(user);
    expect(screen.getByText('My time zone: unknown time zone "Mars/Olympus" (expected an IANA name such as "Europe/London")')).toBeDefined();
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(await preferencesItem.getValue()).toEqual({});
  });

  it('names the line of an invalid name', async () => {
    const user = await renderAlerts();
    const names = screen.getByLabelText('My names and emails');
    await user.click(names);
    await user.paste(`Ada\n${'x'.repeat(201)}`);
    await save(user);
    expect(screen.getByText('My names and emails: line 2: Too big: expected string to have <=200 characters')).toBeDefined();
    expect(await preferencesItem.getValue()).toEqual({});
  });

  it('discards unsaved edits', async () => {
    const user = await renderAlerts({ me: ['Ada'] });
    await user.type(screen.getByLabelText('My groups'), 'Tier 2');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByLabelText<HTMLTextAreaElement>('My groups').value).toBe('');
    expect(screen.getByRole('button', { name: 'Discard changes' }).matches(':disabled')).toBe(true);
  });

  it('follows preferences saved elsewhere unless there are unsaved edits', async () => {
    const user = await renderAlerts({ me: ['Ada'] });
    await preferencesItem.setValue({ me: ['Ada', 'ada@example.com'] });
    await waitFor(() => expect(screen.getByLabelText<HTMLTextAreaElement>('My names and emails').value).toBe('Ada\nada@example.com'));

    await user.type(screen.getByLabelText('My groups'), 'Tier 2');
    await preferencesItem.setValue({ me: ['Someone else'] });
    await waitFor(() => expect(status().textContent).toBe('Unsaved changes.'));
    expect(screen.getByLabelText<HTMLTextAreaElement>('My names and emails').value).toBe('Ada\nada@example.com');
  });

  it('is a section of the options page', async () => {
    await renderOptions(<App />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'My alerts' }));
    expect(screen.getByRole('heading', { name: 'My alerts' })).toBeDefined();
    expect(await screen.findByRole('form', { name: 'My alerts' })).toBeDefined();
  });

  it('says when the stored preferences could not be used', async () => {
    await renderAlerts({ me: 'Ada' } as unknown as PreferencesInput);
    expect(screen.getByRole('alert').textContent).toMatch(/^Your stored preferences could not be used, so the defaults are shown; saving replaces them\. Invalid preferences: me: /);
  });
});
