/**
 * Styles for the overlay's shadow roots, as strings: they go into each shadow root directly (no
 * extension-URL fetch, no web-accessible CSS file). Every state differs by icon, words and border
 * pattern, never by colour alone; colours follow `prefers-color-scheme`.
 */

const palette = `
:host {
  --sla-fg: #1f2328; --sla-muted: #59636e; --sla-bg: #ffffff; --sla-soft: #f6f8fa; --sla-line: #d1d9e0;
  --sla-ok: #1a7f37; --sla-warn: #9a6700; --sla-bad: #cf222e; --sla-focus: #0969da;
}
@media (prefers-color-scheme: dark) {
  :host {
    --sla-fg: #e6edf3; --sla-muted: #9198a1; --sla-bg: #0d1117; --sla-soft: #151b23; --sla-line: #3d444d;
    --sla-ok: #3fb950; --sla-warn: #d29922; --sla-bad: #f85149; --sla-focus: #4493f8;
  }
}
/* The host page's inherited styles (WXT resets them on the strip's host with \`all: initial\`) stop here. */
.strip, .badge { font: 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--sla-fg); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** Border patterns per state: solid (on track), double (at risk), hatched fill (overdue), dotted (paused), none (finished). */
const states = `
[data-state="running"] { border-left: 3px solid var(--sla-ok); }
[data-state="warning"] { border-left: 4px double var(--sla-warn); }
[data-state="breached"] {
  border-left: 4px solid var(--sla-bad);
  background-image: repeating-linear-gradient(135deg, transparent 0 5px, color-mix(in srgb, var(--sla-bad) 14%, transparent) 5px 10px);
  font-weight: 600;
}
[data-state="paused"] { border-left: 3px dotted var(--sla-muted); }
[data-state="waiting"] { border-left: 3px dotted var(--sla-muted); font-style: italic; }
[data-state="met"], [data-state="met_late"] { border-left: 3px solid var(--sla-line); color: var(--sla-muted); }
[data-binding="target"] { outline: 1px dashed var(--sla-muted); outline-offset: -1px; }
`;

export const STRIP_CSS = `${palette}${states}
.strip { display: block; margin: 6px 0; padding: 6px 8px; background: var(--sla-soft); border: 1px solid var(--sla-line); border-radius: 6px; }
.strip-header { display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; margin: 0 0 4px; }
.brand { font-weight: 600; }
.severity { padding: 0 6px; border: 2px solid var(--severity-color, var(--sla-line)); border-radius: 10px; font-weight: 600; }
.plan, .hint { color: var(--sla-muted); }
.estimated { border-bottom: 1px dotted currentColor; }
.issue { margin: 2px 0; }
.clocks { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
.clock { position: relative; display: flex; flex-wrap: wrap; gap: 6px; align-items: baseline; padding: 2px 6px; background: var(--sla-bg); border-radius: 4px; }
.label { font-weight: 600; }
.state-name { text-transform: uppercase; font-size: 10px; letter-spacing: 0.04em; }
.status { font-variant-numeric: tabular-nums; }
.deadline { color: var(--sla-muted); border-bottom: 1px dotted currentColor; cursor: help; }
.non-binding { font-style: italic; }
.details { color: var(--sla-muted); }
button { font: inherit; color: var(--sla-focus); background: none; border: 1px solid transparent; border-radius: 4px; padding: 0 4px; cursor: pointer; }
button:hover { border-color: var(--sla-line); }
button:focus-visible, .popover:focus-visible { outline: 2px solid var(--sla-focus); outline-offset: 2px; }
.popover { position: absolute; z-index: 2147483647; top: 100%; left: 0; width: min(420px, 90vw); margin-top: 4px; padding: 8px 10px;
  background: var(--sla-bg); color: var(--sla-fg); border: 1px solid var(--sla-line); border-radius: 6px; box-shadow: 0 4px 16px rgb(0 0 0 / 0.2); }
.popover h3 { margin: 0 0 4px; font-size: 13px; }
.popover dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 8px; margin: 6px 0; }
.popover dt { font-weight: 600; }
.popover dd, .popover ul { margin: 0; padding: 0; list-style: none; }
.budget[data-budget="warning"], .budget[data-budget="exceeded"] { font-weight: 600; }
.problem { margin: 0; }
`;

export const BADGE_CSS = `:host { all: initial; }${palette}${states}
.badge { display: inline-block; margin: 0 4px; padding: 0 5px; white-space: nowrap;
  background: var(--sla-soft); border-radius: 3px; font-size: 11px; font-variant-numeric: tabular-nums; cursor: default; }
.icon { margin-right: 4px; }
.rank { margin-left: 4px; color: var(--sla-muted); }
/* A fixed box for the countdown: its text changes every tick, and without size containment each
   change would lay the helpdesk's whole table out again (bench/overlay.ts measures it). The box
   must not be a flex or grid item, or the browser cannot stop the layout at it. */
.time { display: inline-block; width: 16ch; height: 1.4em; contain: strict; overflow: hidden; text-overflow: ellipsis; vertical-align: bottom; }
`;
