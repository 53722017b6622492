/**
 * The demo's SLA Lens configuration: the four seed plans (lib/plans/templates.ts) and one customer on
 * each, matched by e-mail domain, in different time zones.
 */
import { CONFIG_VERSION, type Config, type ConfigInput } from '../lib/plans/config-schema.ts';
import { parseConfig } from '../lib/plans/parse-config.ts';
import { templates, withTemplate, type TemplateId } from '../lib/plans/templates.ts';
import { createCalendar, isBusinessTimeMs } from '../lib/sla/index.ts';

const TEMPLATES: readonly TemplateId[] = ['priority-support', 'neptune-basic', 'neptune-extended', 'otrs-subscription'];

/** Zones tried for the OTRS service window, the template's own (Berlin) first. */
const WINDOW_ZONES = ['Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles'];
const OTRS_WINDOW_ID = 'otrs-service-window';

/**
 * Where the OTRS example window (08:00–17:00 Mon–Fri) is closed at `nowMs`, so the demo can show a
 * response clock waiting for the window: the template's Berlin when it is closed there, else the first
 * of Tokyo or Los Angeles that is closed (Berlin, Tokyo and Los Angeles are never all open at once).
 */
export function closedServiceWindowZone(nowMs: number): string {
  const weekly = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['08:00', '17:00']]]));
  return WINDOW_ZONES.find((timezone) => !isBusinessTimeMs(createCalendar({ timezone, weekly }), nowMs)) ?? 'Europe/Berlin';
}

/**
 * The demo configuration at `nowMs`, validated (the extension would refuse an invalid one anyway).
 *
 * @example
 * demoConfig(Date.now()).customers.map((customer) => customer.name) // => ['Octo Labs', 'Acme Robotics', 'Globex Shipping', 'Initech']
 */
export function demoConfig(nowMs: number): Config {
  let config: ConfigInput = { version: CONFIG_VERSION, calendars: {}, plans: {}, customers: [], severityMappings: [] };
  for (const template of TEMPLATES) config = withTemplate(config, template);
  const windowZone = closedServiceWindowZone(nowMs);
  const window = templates['otrs-subscription'].calendars[OTRS_WINDOW_ID];
  if (window?.kind === 'fixed' && !('union' in window.spec)) {
    // The template marks this window as an editable example; the demo moves it to where it is closed now.
    config.calendars[OTRS_WINDOW_ID] = { ...window, name: `Service Level Window (example: 08:00–17:00 Mon–Fri, ${windowZone})`, spec: { ...window.spec, timezone: windowZone } };
  }
  config.customers = [
    { id: 'octo-labs', name: 'Octo Labs', timezone: 'Europe/London', rules: [{ emailDomain: 'octolabs.example' }], contracts: [{ plan: 'priority-support', from: '2024-01-01' }] },
    { id: 'acme-robotics', name: 'Acme Robotics', timezone: 'America/New_York', rules: [{ emailDomain: 'acme-robotics.example' }], contracts: [{ plan: 'neptune-basic' }] },
    { id: 'globex-shipping', name: 'Globex Shipping', timezone: 'Australia/Sydney', rules: [{ emailDomain: 'globex.example' }], contracts: [{ plan: 'neptune-extended' }] },
    {
      id: 'initech',
      name: 'Initech',
      timezone: windowZone,
      rules: [{ emailDomain: 'initech.example' }],
      contracts: [{ plan: 'otrs-subscription' }],
      namedContacts: ['anna.berger@initech.example', 'tom.kurz@initech.example'],
    },
  ];
  return parseConfig(config);
}
