import { useEffect, useRef } from 'react';
import type { ExplanationView } from '../../lib/overlay/explanation-view.ts';

export interface WhyPopoverProps {
  id: string;
  clockLabel: string;
  explanation: ExplanationView;
  estimated: boolean;
  onClose: () => void;
}

function Lines({ term, lines }: { term: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd>
        <ul>
          {lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </dd>
    </>
  );
}

/**
 * "Why this number": everything that went into a clock. It takes focus when it opens, so a screen
 * reader reads it and Escape (handled by the clock) works at once.
 */
export function WhyPopover({ id, clockLabel, explanation, estimated, onClose }: WhyPopoverProps) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div id={id} ref={dialog} className="popover" role="dialog" aria-label={`Why this number: ${clockLabel}`} tabIndex={-1}>
      <h3>Why this number: {clockLabel}</h3>
      <p>{explanation.summary}</p>
      <dl>
        {explanation.deadline && (
          <>
            <dt>Deadline</dt>
            <dd>{explanation.deadline}</dd>
          </>
        )}
        <dt>Target</dt>
        <dd>{explanation.target}</dd>
        <dt>Calendar</dt>
        <dd>{explanation.calendar}</dd>
        <dt>Start</dt>
        <dd>{explanation.start}</dd>
        <Lines term="Pauses" lines={explanation.pauses} />
        <Lines term="Holidays crossed" lines={explanation.holidays} />
        <Lines term="Clock changes crossed" lines={explanation.dstShifts} />
        <Lines term="Notes" lines={estimated ? [...explanation.notes, 'Estimated: the helpdesk did not show the whole history.'] : explanation.notes} />
      </dl>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
