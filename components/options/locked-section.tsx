import { useId, type ReactNode } from 'react';
import { useOptionsStore } from '../../lib/state/options-store.ts';
import type { ManageablePart } from '../../lib/storage/config-storage.ts';

const PART_NAMES: Record<ManageablePart, string> = {
  calendars: 'Calendars',
  plans: 'Plans',
  customers: 'Customers',
  severityMappings: 'Severity mappings',
  sites: 'Helpdesk sites',
};

/** Is any of these parts set by the organization's policy? */
export function useLocked(...parts: ManageablePart[]): boolean {
  return useOptionsStore((state) => parts.some((part) => state.managedParts.includes(part)));
}

/**
 * A section whose part of the configuration may be set by policy (`storage.managed`): then every
 * control inside is disabled (a disabled fieldset disables them all, for mouse and keyboard alike)
 * and the reason is shown and tied to the fieldset.
 */
export function LockedSection({ parts, legend, children }: { parts: ManageablePart[]; legend: string; children: ReactNode }) {
  const noteId = useId();
  const locked = useLocked(...parts);
  return (
    <fieldset className="section-fieldset" disabled={locked} aria-describedby={locked ? noteId : undefined}>
      <legend className="visually-hidden">{legend}</legend>
      {locked && (
        <p className="locked-note" id={noteId}>
          <span aria-hidden="true">🔒 </span>
          {parts.map((part) => PART_NAMES[part]).join(', ')}: managed by your IT department. This part is set by your organization’s policy and is read-only here;
          ask your administrator to change it.
        </p>
      )}
      {children}
    </fieldset>
  );
}
