import { IANAZone, type DateTime } from 'luxon';
import { createContext, useContext } from 'react';

/**
 * What the options page takes from the browser, passed in by the entrypoint so components stay
 * testable: the current instant (read once per render of the page, never inside lib/) and the
 * host-permission calls for self-hosted helpdesks.
 */
export interface OptionsEnvironment {
  now: DateTime;
  /** The agent's own time zone (defaults for the simulator and the previews). */
  zone: string;
  /** Must be called synchronously inside the click handler: browsers only grant inside a user gesture. */
  requestOrigin: (origin: string) => Promise<boolean>;
  removeOrigin: (origin: string) => Promise<boolean>;
}

export const OptionsEnvironmentContext = createContext<OptionsEnvironment | undefined>(undefined);

export function useEnvironment(): OptionsEnvironment {
  const environment = useContext(OptionsEnvironmentContext);
  if (!environment) throw new Error('OptionsEnvironmentContext is missing (render inside <OptionsEnvironmentContext value={…}>)');
  return environment;
}

/** `now` in `zone`, or in UTC while the zone being typed is not a valid one yet. */
export function nowIn(now: DateTime, zone: string): DateTime {
  return now.setZone(IANAZone.isValidZone(zone) ? zone : 'utc');
}
