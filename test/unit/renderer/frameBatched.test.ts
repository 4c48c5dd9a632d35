import { afterEach, describe, expect, it, vi } from 'vitest';
import { frameBatched } from '../../../src/renderer/src/store/frameBatched';

/** Animation frames that run only when the test says a frame has come. */
function fakeFrames() {
  const pending = new Map<number, () => void>();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    pending.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => pending.delete(id));
  return {
    pending: () => pending.size,
    frame: () => {
      const callbacks = [...pending.values()];
      pending.clear();
      for (const callback of callbacks) callback();
    },
  };
}

function store() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    publish: () => listeners.forEach((listener) => listener()),
    listenerCount: () => listeners.size,
  };
}

describe('frameBatched', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('calls the listener once per frame, however many changes came meanwhile, and none without a frame', () => {
    const frames = fakeFrames();
    const source = store();
    const listener = vi.fn();
    frameBatched(source.subscribe)(listener);
    source.publish();
    source.publish();
    source.publish();
    expect(listener).not.toHaveBeenCalled();
    frames.frame();
    expect(listener).toHaveBeenCalledTimes(1);
    frames.frame();
    expect(listener).toHaveBeenCalledTimes(1);
    source.publish();
    frames.frame();
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('unsubscribing cancels a pending frame and leaves the store', () => {
    const frames = fakeFrames();
    const source = store();
    const listener = vi.fn();
    const unsubscribe = frameBatched(source.subscribe)(listener);
    source.publish();
    unsubscribe();
    expect(frames.pending()).toBe(0);
    expect(source.listenerCount()).toBe(0);
    frames.frame();
    expect(listener).not.toHaveBeenCalled();
  });
});
