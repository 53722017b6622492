import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTicker, type TickerTask } from '../../lib/overlay/ticker.ts';

const START = Date.parse('2026-11-23T09:00:00Z');

function ticker(onError: (error: unknown) => void = vi.fn()) {
  return createTicker({
    now: () => Date.now(),
    setTimer: (callback, delay) => setTimeout(callback, delay) as unknown as number,
    clearTimer: (id) => clearTimeout(id),
    onError,
  });
}

/** A task that wants to run every `everyMs` and records when it ran. */
function periodic(everyMs: number): TickerTask & { runs: number[] } {
  const runs: number[] = [];
  return { runs, nextRunAt: (now) => now + everyMs, run: (now) => runs.push(now - START) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createTicker', () => {
  it('keeps one timer for any number of tasks and runs each when it is due', () => {
    const subject = ticker();
    const tasks = Array.from({ length: 500 }, (_, i) => periodic(60_000 + i * 100));
    for (const task of tasks) subject.add(task, true);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(60_000);
    expect(tasks[0]?.runs).toEqual([60_000]);
    expect(tasks[1]?.runs).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(tasks[1]?.runs).toEqual([61_000]);
    expect(tasks[10]?.runs).toEqual([61_000]);
    expect(tasks[11]?.runs).toEqual([]);
    expect(vi.getTimerCount()).toBe(1);
    subject.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ticks at most once a second, however often tasks ask', () => {
    const subject = ticker();
    const eager = periodic(100);
    subject.add(eager, true);
    vi.advanceTimersByTime(3_050);
    expect(eager.runs).toEqual([100, 1_100, 2_100]);
    subject.dispose();
  });

  it('sets no timer when nothing is due and no task is visible', () => {
    const subject = ticker();
    subject.add({ nextRunAt: () => null, run: vi.fn() }, true);
    subject.add(periodic(1_000), false);
    expect(vi.getTimerCount()).toBe(0);
    subject.dispose();
  });

  it('skips hidden tasks and brings them up to date when shown', () => {
    const subject = ticker();
    const task = periodic(5_000);
    subject.add(task, true);
    subject.setVisible(task, false);
    vi.advanceTimersByTime(20_000);
    expect(task.runs).toEqual([]);
    subject.setVisible(task, true);
    expect(task.runs).toEqual([20_000]);
    vi.advanceTimersByTime(5_000);
    expect(task.runs).toEqual([20_000, 25_000]);
    subject.dispose();
  });

  it('re-plans when a task’s data changes, and forgets removed tasks', () => {
    const subject = ticker();
    let dueAt: number | null = START + 60_000;
    const run = vi.fn();
    const task: TickerTask = { nextRunAt: () => dueAt, run };
    subject.add(task, true);
    dueAt = START + 10_000;
    subject.update(task);
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
    dueAt = START + 30_000;
    subject.update(task);
    subject.remove(task);
    vi.advanceTimersByTime(60_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
    subject.dispose();
  });

  it('keeps going when a task throws, and reports the error', () => {
    const onError = vi.fn();
    const subject = ticker(onError);
    const broken: TickerTask = {
      nextRunAt: (now) => now + 1_000,
      run: () => {
        throw new Error('adapter markup changed');
      },
    };
    const healthy = periodic(1_000);
    subject.add(broken, true);
    subject.add(healthy, true);
    vi.advanceTimersByTime(2_000);
    expect(healthy.runs).toEqual([1_000, 2_000]);
    expect(onError).toHaveBeenCalledWith(new Error('adapter markup changed'));
    subject.dispose();
  });

  it('wakes at least hourly for far-away tasks (no timeout overflow), and runs them on time', () => {
    const subject = ticker();
    const run = vi.fn();
    subject.add({ nextRunAt: (now) => (now < START + 30 * 86_400_000 ? START + 30 * 86_400_000 : null), run }, true);
    vi.advanceTimersByTime(3_600_000);
    expect(vi.getTimerCount()).toBe(1);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(30 * 86_400_000);
    expect(run).toHaveBeenCalledTimes(1);
    subject.dispose();
  });
});
