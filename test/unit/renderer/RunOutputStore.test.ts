// The window's copy of runs' output: batches in order, a snapshot for output printed earlier, and
// a fresh snapshot asked for when batches went missing.
import { describe, expect, it } from 'vitest';
import type { OutputBatch, RunOutputSnapshot } from '../../../src/shared/model/Lab';
import { RunOutputStore, type TerminalUpdate } from '../../../src/renderer/src/store/RunOutputStore';

const batch = (seq: number, text: string, pid?: number): OutputBatch => ({
  runId: 'r',
  seq,
  pieces: [{ kind: 'text', text }],
  lines: pid ? [{ seq, at: 0, pid, text, cut: false }] : [],
});
const snapshot = (seq: number, text: string, droppedChars = 0): RunOutputSnapshot => ({
  runId: 'r',
  seq,
  droppedChars,
  pieces: [{ kind: 'text', text }],
  lines: [],
});
const textOf = (store: RunOutputStore) =>
  store
    .view('r')
    .pieces.map((p) => (p.kind === 'text' ? p.text : ''))
    .join('');

describe('RunOutputStore', () => {
  it('follows a run from its first batch, and tells its terminal', () => {
    const store = new RunOutputStore(() => {
      throw new Error('nothing to fetch');
    });
    const updates: TerminalUpdate[] = [];
    store.subscribe('r', (u) => updates.push(u));
    store.apply(batch(1, 'a'));
    store.apply(batch(2, 'b', 9));
    expect(textOf(store)).toBe('ab');
    expect(store.lines('r').map((l) => l.pid)).toEqual([9]);
    expect(updates).toEqual([[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]]);
  });

  it('starts a run it joined late from its snapshot, then the batches after it', () => {
    const fetched: string[] = [];
    const store = new RunOutputStore((runId) => fetched.push(runId));
    store.apply(batch(5, 'e'));
    store.apply(batch(6, 'f'));
    expect(fetched).toEqual(['r']);
    store.load(snapshot(5, 'abcde', 100));
    expect(textOf(store)).toBe('abcdef');
    expect(store.view('r').droppedChars).toBe(100);
  });

  it('asks again when batches went missing, and takes the snapshot over what it had', () => {
    const fetched: string[] = [];
    const store = new RunOutputStore((runId) => fetched.push(runId));
    const updates: TerminalUpdate[] = [];
    store.subscribe('r', (u) => updates.push(u));
    store.apply(batch(1, 'a'));
    store.apply(batch(4, 'd'));
    expect(fetched).toEqual(['r']);
    expect(textOf(store)).toBe('a');
    store.load(snapshot(4, 'abcd'));
    expect(textOf(store)).toBe('abcd');
    expect(updates.at(-1)).toBe('reset');
    // An older snapshot changes nothing.
    store.load(snapshot(2, 'ab'));
    expect(textOf(store)).toBe('abcd');
  });

  it('keeps the output of a bounded number of runs, and fetches one again when it is shown', () => {
    const fetched: string[] = [];
    const store = new RunOutputStore((runId) => fetched.push(runId));
    for (let i = 0; i < 40; i++) store.apply({ ...batch(1, `run ${i}`), runId: `run${i}` });
    expect(fetched).toEqual([]);
    expect(store.view('run39').pieces).toEqual([{ kind: 'text', text: 'run 39' }]);
    expect(store.view('run0').pieces).toEqual([]);
    expect(fetched).toEqual(['run0']);
  });
});
