import { describe, expect, it } from 'vitest';
import { flattenTree } from '../../../src/renderer/src/views/flattenTree';
import type { DisplayRow } from '../../../src/renderer/src/views/DisplayRow';
import { parseProcessQuery } from '../../../src/renderer/src/views/processQuery';
import { processKey } from '../../../src/renderer/src/views/processKey';
import { sortRows } from '../../../src/renderer/src/views/sortRows';
import { placeMenu } from '../../../src/renderer/src/views/placeMenu';
import { formatStartTime } from '../../../src/renderer/src/i18n/formatTime';
import { commandText } from '../../../src/shared/model/formatProcess';
import { formatBytes } from '../../../src/shared/model/formatProcess';
import { axisWidth, CPU_AXIS_WIDTH, RSS_AXIS_WIDTH, TIME_STEPS } from '../../../src/renderer/src/views/chartAxes';
import type { ProcessRecord } from '../../../src/shared/model/ProcessRecord';
import { makeRecord } from '../../support/makeRecord';

const display = (record: ProcessRecord): DisplayRow => ({ key: processKey(record), record, exit: null, isNew: false });

// init ─┬─ shell ─── editor
//       └─ daemon ─── worker
const init = makeRecord({ pid: 1, ppid: 0, comm: 'init', startTime: 0 });
const shell = makeRecord({ pid: 10, ppid: 1, comm: 'shell', startTime: 10, cpuPercent: 3 });
const editor = makeRecord({ pid: 11, ppid: 10, comm: 'editor', startTime: 20, cpuPercent: 50 });
const daemon = makeRecord({ pid: 5, ppid: 1, comm: 'daemon', startTime: 30, cpuPercent: 3 });
const worker = makeRecord({ pid: 6, ppid: 5, comm: 'worker', startTime: 40 });
const rows = [worker, editor, init, daemon, shell].map(display);
const names = (list: { record: ProcessRecord }[]) => list.map((r) => r.record.comm);

describe('sortRows', () => {
  it('sorts by a column either way, ties broken by pid', () => {
    expect(names(sortRows(rows, { column: 'cpu', direction: 'desc' }))).toEqual([
      'editor',
      'daemon',
      'shell',
      'init',
      'worker',
    ]);
    expect(names(sortRows(rows, { column: 'pid', direction: 'asc' }))).toEqual([
      'init',
      'daemon',
      'worker',
      'shell',
      'editor',
    ]);
    expect(names(sortRows(rows, { column: 'command', direction: 'asc' })).slice(0, 2)).toEqual(['daemon', 'editor']);
  });
});

describe('flattenTree', () => {
  const none = { collapsed: new Set<string>(), filter: null, showSubtrees: false };

  it('orders siblings by start time, whatever order the rows come in', () => {
    expect(names(flattenTree(rows, none))).toEqual(['init', 'shell', 'editor', 'daemon', 'worker']);
    expect(names(flattenTree([...rows].reverse(), none))).toEqual(['init', 'shell', 'editor', 'daemon', 'worker']);
    expect(flattenTree(rows, none).map((r) => r.depth)).toEqual([0, 1, 2, 1, 2]);
  });

  it('keeps the tree row of a process whose row and place did not change', () => {
    const cache = new WeakMap();
    const first = flattenTree(rows, none, cache);
    const again = flattenTree(rows, none, cache);
    expect(again.every((row, i) => row === first[i])).toBe(true);
    // Folding the shell changes its row only; its hidden child has none.
    const folded = flattenTree(rows, { ...none, collapsed: new Set([processKey(shell)]) }, cache);
    expect(folded.map((row) => first.includes(row))).toEqual([true, false, true, true]);
    expect(folded[1]).toMatchObject({ record: shell, expanded: false });
  });

  it('hides the children of a collapsed node', () => {
    const tree = flattenTree(rows, { ...none, collapsed: new Set([processKey(shell)]) });
    expect(names(tree)).toEqual(['init', 'shell', 'daemon', 'worker']);
    expect(tree[1]).toMatchObject({ hasChildren: true, expanded: false });
  });

  it('keeps the ancestors of every match, greyed as context, and opens folds on the way', () => {
    const filter = parseProcessQuery('name=editor').predicate;
    const tree = flattenTree(rows, { collapsed: new Set([processKey(shell)]), filter, showSubtrees: false });
    expect(names(tree)).toEqual(['init', 'shell', 'editor']);
    expect(tree.map((r) => r.contextOnly)).toEqual([true, true, false]);
  });

  it('marks matches down a chain and what lies between them, whichever match is walked first', () => {
    // init -> sh (match) -> make -> cc (match) -> as; and init -> cron (match) beside it.
    const chain = [
      makeRecord({ pid: 1, ppid: 0, comm: 'init', startTime: 0 }),
      makeRecord({ pid: 2, ppid: 1, comm: 'sh', startTime: 1 }),
      makeRecord({ pid: 3, ppid: 2, comm: 'make', startTime: 2 }),
      makeRecord({ pid: 4, ppid: 3, comm: 'cc', startTime: 3 }),
      makeRecord({ pid: 5, ppid: 4, comm: 'as', startTime: 4 }),
      makeRecord({ pid: 6, ppid: 1, comm: 'cron', startTime: 5 }),
    ].map(display);
    const matches = new Set(['sh', 'cc', 'cron']);
    const filter = (p: { comm: string }) => matches.has(p.comm);
    const narrow = flattenTree(chain, { ...none, filter, showSubtrees: false });
    expect(names(narrow)).toEqual(['init', 'sh', 'make', 'cc', 'cron']);
    expect(narrow.map((r) => r.contextOnly)).toEqual([true, false, true, false, false]);
    const wide = flattenTree(chain, { ...none, filter, showSubtrees: true });
    expect(names(wide)).toEqual(['init', 'sh', 'make', 'cc', 'as', 'cron']);
    expect(wide.map((r) => r.contextOnly)).toEqual([true, false, false, false, false, false]);
  });

  it('can show the subtrees of matches', () => {
    const filter = parseProcessQuery('name=daemon').predicate;
    expect(names(flattenTree(rows, { ...none, filter, showSubtrees: false }))).toEqual(['init', 'daemon']);
    expect(names(flattenTree(rows, { ...none, filter, showSubtrees: true }))).toEqual(['init', 'daemon', 'worker']);
  });
});

describe('ps-like words in the table', () => {
  it('prints START as ps does: HH:MM today, MmmDD this year, the year before that', () => {
    const now = new Date(2025, 5, 15, 14, 0).getTime();
    expect(formatStartTime(new Date(2025, 5, 15, 9, 5).getTime(), 'en', now)).toBe('09:05');
    expect(formatStartTime(new Date(2025, 8, 5, 23, 0).getTime(), 'en', now)).toBe('Sep05');
    expect(formatStartTime(new Date(2025, 0, 5).getTime(), 'zh', now)).toBe('1月5日');
    expect(formatStartTime(new Date(2024, 11, 31).getTime(), 'en', now)).toBe('2024');
  });

  it('shows a zombie as [comm] <defunct>, whatever argv the sampler read before', () => {
    expect(commandText({ comm: 'sleep', cmdline: ['sleep', '5'], state: 'Z' })).toBe('[sleep] <defunct>');
    expect(commandText({ comm: 'kworker/0:1', cmdline: [], state: 'I' })).toBe('[kworker/0:1]');
    expect(commandText({ comm: 'sleep', cmdline: ['sleep', '5'], state: 'S' })).toBe('sleep 5');
  });

  it('places a menu inside the window, right-aligned to its button when there is room', () => {
    const viewport = { width: 1280, height: 720 };
    expect(placeMenu({ left: 150, right: 220, bottom: 140 }, 390, viewport)).toEqual({
      top: 144,
      left: 8,
      maxHeight: 568,
    });
    expect(placeMenu({ left: 900, right: 980, bottom: 40 }, 390, viewport).left).toBe(590);
    expect(placeMenu({ left: 1250, right: 1300, bottom: 40 }, 390, viewport).left).toBe(882);
  });
});

describe('the history chart’s axes', () => {
  it('ticks at whole seconds only, and leaves room for the longest label', () => {
    expect(TIME_STEPS.every((step) => Number.isInteger(step) && step >= 1)).toBe(true);
    expect(axisWidth(['0 B', '512 MiB', '1023 MiB'])).toBeGreaterThanOrEqual(8 * 7);
    expect(axisWidth([])).toBeGreaterThan(0);
    // The value axes are as wide as the widest label their format prints, from the first draw.
    expect(RSS_AXIS_WIDTH).toBe(axisWidth([formatBytes(1023 * 2 ** 20), formatBytes(9.99 * 2 ** 30)]));
    expect(CPU_AXIS_WIDTH).toBeGreaterThanOrEqual(axisWidth(['800%']));
  });
});
