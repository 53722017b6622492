import { useCallback, useEffect, useRef, useState } from 'react';
import { sendMessage } from '../../lib/messaging/messaging.ts';
import type { MessageResponse } from '../../lib/messaging/protocol.ts';
import type { QueuePin, QueuePinRef } from '../../lib/registry/queue-pins.ts';
import { queuePinsItem, refreshStatusItem } from '../../lib/storage/queue-storage.ts';

export type PinWithStatus = MessageResponse<'listQueuePins'>['pins'][number];

export interface QueuePins {
  /** The pins with their last background read; undefined while loading. */
  pins: readonly PinWithStatus[] | undefined;
  /** Why the list could not be read from the background. */
  problem: string | undefined;
  /** Rejects with the background's reason when it refuses the pin. */
  pin: (pin: QueuePin) => Promise<void>;
  unpin: (ref: QueuePinRef) => Promise<void>;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The team queues, through the background's messages. The list is asked again whenever the
 * background records a read (or another page changes the pins), so statuses stay current.
 */
export function useQueuePins(): QueuePins {
  const [pins, setPins] = useState<readonly PinWithStatus[]>();
  const [problem, setProblem] = useState<string>();
  // Answers can overtake one another; only the latest request's is shown.
  const latest = useRef(0);
  const reload = useCallback(async (): Promise<void> => {
    const request = ++latest.current;
    try {
      const reply = await sendMessage('listQueuePins', {});
      if (request !== latest.current) return;
      setPins(reply.pins);
      setProblem(undefined);
    } catch (error) {
      if (request === latest.current) setProblem(describe(error));
    }
  }, []);
  useEffect(() => {
    void reload();
    const unwatchPins = queuePinsItem.watch(() => void reload());
    const unwatchStatus = refreshStatusItem.watch(() => void reload());
    return () => {
      // A reply after unmounting is dropped like a superseded one.
      latest.current += 1;
      unwatchPins();
      unwatchStatus();
    };
  }, [reload]);
  const pin = useCallback(
    async (next: QueuePin) => {
      await sendMessage('pinQueue', next);
      await reload();
    },
    [reload],
  );
  const unpin = useCallback(
    async (ref: QueuePinRef) => {
      await sendMessage('unpinQueue', ref);
      await reload();
    },
    [reload],
  );
  return { pins, problem, pin, unpin };
}
