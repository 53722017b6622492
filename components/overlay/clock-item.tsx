import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ClockView, ViewContext } from '../../lib/overlay/clock-view.ts';
import { describeExplanation } from '../../lib/overlay/explanation-view.ts';
import type { Clock } from '../../lib/plans/evaluation-schema.ts';
import { WhyPopover } from './why-popover.tsx';

export interface ClockItemProps {
  clock: Clock;
  view: ClockView;
  context: ViewContext;
}

/**
 * One countdown of the ticket strip: state in icon and words, time left and the wall-clock deadline,
 * and "why". Escape anywhere in it closes the explanation and gives focus back to its button.
 */
export function ClockItem({ clock, view, context }: ClockItemProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (!open || event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };
  return (
    <li className="clock" data-state={view.state} data-binding={view.binding ? 'binding' : 'target'} onKeyDown={closeOnEscape}>
      <span className="icon" aria-hidden="true">
        {view.icon}
      </span>
      <span className="label">{view.label}</span>
      <span className="state-name">{view.name}</span>
      <span className="status">{view.status}</span>
      {view.deadline && (
        <span className="deadline" title={view.customerDeadline ?? undefined}>
          {view.deadline}
          {view.customerDeadline && <span className="sr-only"> ({view.customerDeadline})</span>}
        </span>
      )}
      {!view.binding && <span className="non-binding">target, not binding</span>}
      {view.estimated && (
        <span className="estimated" title="The helpdesk did not show the whole history">
          estimated
        </span>
      )}
      {view.details.length > 0 && <span className="details">{view.details.join(' · ')}</span>}
      <button
        ref={button}
        type="button"
        className="why"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={`Why this number: ${view.label}`}
        onClick={() => setOpen(!open)}
      >
        Why?
      </button>
      {open && <WhyPopover id={popoverId} clockLabel={view.label} explanation={describeExplanation(clock, context)} estimated={view.estimated} onClose={close} />}
    </li>
  );
}
