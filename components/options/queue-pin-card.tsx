import type { DateTime } from 'luxon';
import { formatInstant } from '../../lib/format/instant.ts';
import { helpdeskLabel } from './helpdesk-catalog.ts';
import { useEnvironment } from './options-environment.ts';
import type { PinWithStatus } from './use-queue-pins.ts';

const tickets = (count: number): string => `${count} ticket${count === 1 ? '' : 's'}`;

/** How the background's last read of the queue went (a failure keeps the last good read, which is shown too). */
function describeStatus({ status }: PinWithStatus, now: DateTime, zone: string): { text: string; failed: boolean } {
  const lastGood = status.lastReadAt === undefined ? undefined : `${formatInstant(status.lastReadAt, zone, now.toMillis())}: ${tickets(status.ticketCount ?? 0)}`;
  if (status.lastError !== undefined) return { text: `Last read failed: ${status.lastError}${lastGood === undefined ? '' : ` (last good read ${lastGood})`}`, failed: true };
  return { text: lastGood === undefined ? 'Not read yet.' : `Last read ${lastGood}.`, failed: false };
}

/** One pinned queue: where it is, how its last refresh went, and Unpin. */
export function QueuePinCard({ pin, onUnpin }: { pin: PinWithStatus; onUnpin: () => void }) {
  const { now, zone } = useEnvironment();
  const status = describeStatus(pin, now, zone);
  return (
    <li className="card queue-pin" aria-label={pin.label}>
      <div className="card-header">
        <strong>{pin.label}</strong>
        <span className="muted">{helpdeskLabel(pin.helpdesk)}</span>
        <button type="button" className="danger" aria-label={`Unpin ${pin.label}`} onClick={onUnpin}>
          Unpin
        </button>
      </div>
      <p>
        <code>{pin.origin}</code> · queue <code>{pin.queueId}</code>
      </p>
      <p className={status.failed ? 'field-error' : 'muted'}>{status.text}</p>
    </li>
  );
}
