import { useState } from 'react';
import { pinKey, type QueuePin, type QueuePinRef } from '../../lib/registry/queue-pins.ts';
import { QueuePinCard } from './queue-pin-card.tsx';
import { QueuePinForm } from './queue-pin-form.tsx';
import { useQueuePins } from './use-queue-pins.ts';

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * "Team queues": helpdesk views and queues a team lead pins so the background keeps the whole
 * team's tickets current, each with how its last read went.
 */
export function QueuesSection() {
  const { pins, problem, pin, unpin } = useQueuePins();
  const [message, setMessage] = useState('');

  const add = async (next: QueuePin): Promise<void> => {
    setMessage('');
    try {
      await pin(next);
      setMessage(`Pinned “${next.label}”; it is read in the background from now on.`);
    } catch (error) {
      setMessage(`Not pinned: ${describe(error)}`);
      throw error;
    }
  };
  const remove = (target: QueuePinRef & { label: string }): void => {
    setMessage('');
    unpin({ origin: target.origin, helpdesk: target.helpdesk, queueId: target.queueId }).then(
      () => setMessage(`Unpinned “${target.label}”.`),
      (error: unknown) => setMessage(`Not unpinned: ${describe(error)}`),
    );
  };

  return (
    <>
      <p className="hint">Pinned queues are re-read in the background with your helpdesk session, so every ticket in them shows in the popup, not only those you opened.</p>
      {problem !== undefined && (
        <p role="alert" className="field-error">
          The pinned queues could not be read: {problem}
        </p>
      )}
      {pins === undefined && problem === undefined && <p role="status">Loading the pinned queues…</p>}
      {pins?.length === 0 && <p className="muted">No queue pinned yet.</p>}
      {pins !== undefined && pins.length > 0 && (
        <ul className="queue-pins" aria-label="Pinned queues">
          {pins.map((entry) => (
            <QueuePinCard key={pinKey(entry)} pin={entry} onUnpin={() => remove(entry)} />
          ))}
        </ul>
      )}
      <h3>Pin a queue</h3>
      <QueuePinForm onPin={add} />
      <p role="status" aria-live="polite">
        {message}
      </p>
    </>
  );
}
