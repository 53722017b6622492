// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observe } from '../../lib/dom/observe.ts';

/** Lets the MutationObserver deliver its records (a microtask), then runs the animation frame it asked for. */
async function nextFrame(): Promise<void> {
  await Promise.resolve();
  vi.advanceTimersToNextFrame();
  await Promise.resolve();
}

function addRow(id: string, parent: Element = document.body): HTMLElement {
  const row = document.createElement('div');
  row.className = 'row';
  row.dataset.id = id;
  parent.append(row);
  return row;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'setTimeout', 'clearTimeout'] });
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.useRealTimers();
});

describe('observe', () => {
  it('reports existing matches at once, then new ones in one batch per frame, each element once', async () => {
    addRow('1');
    const batches: string[][] = [];
    const controller = new AbortController();
    observe(['.row', '.legacy-row'], (elements) => batches.push(elements.map((element) => (element as HTMLElement).dataset.id ?? '')), {
      signal: controller.signal,
    });
    expect(batches).toEqual([['1']]);

    addRow('2');
    addRow('3');
    const legacy = document.createElement('p');
    legacy.className = 'legacy-row';
    legacy.dataset.id = '4';
    document.body.append(legacy);
    await nextFrame();
    expect(batches).toEqual([['1'], ['2', '3', '4']]);

    // Moving a known row is not news; a row nested in an inserted subtree is.
    document.body.append(document.querySelector('[data-id="1"]')!);
    const wrapper = document.createElement('section');
    addRow('5', wrapper);
    document.body.append(wrapper);
    await nextFrame();
    expect(batches).toEqual([['1'], ['2', '3', '4'], ['5']]);
    controller.abort();
  });

  it('takes a finder (an adapter reading rows) instead of selectors', async () => {
    const seen: Element[] = [];
    const controller = new AbortController();
    observe((root) => [...root.querySelectorAll('.row')].filter((row) => row.getAttribute('data-id') !== 'skip'), (elements) => seen.push(...elements), {
      signal: controller.signal,
    });
    addRow('skip');
    const row = addRow('7');
    await nextFrame();
    expect(seen).toEqual([row]);
    controller.abort();
  });

  it('does not rescan for ignored insertions (our own badges)', async () => {
    const find = vi.fn((root: ParentNode) => root.querySelectorAll('.row'));
    const controller = new AbortController();
    observe(find, () => undefined, { signal: controller.signal, ignore: (node) => node.nodeName === 'SLA-LENS-BADGE' });
    expect(find).toHaveBeenCalledTimes(1);
    document.body.append(document.createElement('sla-lens-badge'));
    document.body.append(document.createTextNode('text is never news'));
    await nextFrame();
    expect(find).toHaveBeenCalledTimes(1);
    addRow('1');
    await nextFrame();
    expect(find).toHaveBeenCalledTimes(2);
    controller.abort();
  });

  it('stops on abort: the observer is disconnected and a pending frame cancelled', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const callback = vi.fn();
    const controller = new AbortController();
    observe('.row', callback, { signal: controller.signal });
    addRow('1');
    await Promise.resolve();
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    expect(disconnect).toHaveBeenCalledTimes(1);
    addRow('2');
    await nextFrame();
    expect(callback).not.toHaveBeenCalled();
    disconnect.mockRestore();
  });

  it('does nothing when already aborted', () => {
    addRow('1');
    const callback = vi.fn();
    observe('.row', callback, { signal: AbortSignal.abort() });
    expect(callback).not.toHaveBeenCalled();
  });

  it('observes inside a given root only', async () => {
    const scope = document.createElement('main');
    document.body.append(scope);
    const callback = vi.fn();
    const controller = new AbortController();
    observe('.row', callback, { signal: controller.signal, root: scope });
    addRow('outside');
    await nextFrame();
    expect(callback).not.toHaveBeenCalled();
    addRow('inside', scope);
    await nextFrame();
    expect(callback).toHaveBeenCalledTimes(1);
    controller.abort();
  });
});
