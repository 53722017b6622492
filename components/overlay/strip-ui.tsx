import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { STRIP_CSS } from './overlay-styles.ts';
import { TicketStrip, type TicketStripProps } from './ticket-strip.tsx';

export interface StripHandle {
  /** The shadow host, inserted right after the adapter's anchor. */
  readonly host: HTMLElement;
  readonly anchor: Element;
  render(props: TicketStripProps): void;
  remove(): void;
}

/**
 * Mounts the ticket strip after `anchor` in its own shadow root (WXT `createShadowRootUi`, inline,
 * styles passed as text). Keyboard events stop at the shadow root so Escape or Enter in the strip
 * never trigger the helpdesk's shortcuts.
 */
export async function mountStrip(ctx: ContentScriptContext, anchor: Element, onError: (error: unknown) => void): Promise<StripHandle> {
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'sla-lens-strip',
    position: 'inline',
    anchor,
    append: 'after',
    css: STRIP_CSS,
    isolateEvents: true,
    onMount: (container) => createRoot(container, { onUncaughtError: onError, onCaughtError: onError }),
    onRemove: (root) => root?.unmount(),
  });
  ui.mount();
  return {
    host: ui.shadowHost,
    anchor,
    // Synchronous, so a tick's cost is paid (and measured) in the tick rather than in a later task.
    render: (props) => flushSync(() => ui.mounted?.render(<TicketStrip {...props} />)),
    remove: () => ui.remove(),
  };
}
