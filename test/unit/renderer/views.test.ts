import { describe, expect, it } from 'vitest';
import { flattenTree } from '../../../src/renderer/src/views/flattenTree';
import type { DisplayRow } from '../../../src/renderer/src/views/DisplayRow';
import { parseProcessQuery } from '../../../src/renderer/src/views/processQuery';
import { processKey } from '../../../src/renderer/src/views/processKey';
import { sortRows } from '../../../src/renderer/src/views/sortRows';
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

  it('can show the subtrees of matches', () => {
    const filter = parseProcessQuery('name=daemon').predicate;
    expect(names(flattenTree(rows, { ...none, filter, showSubtrees: false }))).toEqual(['init', 'daemon']);
    expect(names(flattenTree(rows, { ...none, filter, showSubtrees: true }))).toEqual(['init', 'daemon', 'worker']);
  });
});
