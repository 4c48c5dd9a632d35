import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTree, descendantsOf, findNode } from '../../../../src/shared/model/buildTree';
import { makeRecord, tableOf } from '../../../support/makeRecord';

describe('buildTree', () => {
  it('puts children under their parent, oldest first, and makes a root of a missing parent', () => {
    const init = makeRecord({ pid: 1, ppid: 0, startTime: 0 });
    const younger = makeRecord({ pid: 5, ppid: 1, startTime: 300 });
    const older = makeRecord({ pid: 9, ppid: 1, startTime: 100 });
    const orphanOfMissing = makeRecord({ pid: 20, ppid: 999, startTime: 50 });
    const roots = buildTree([younger, init, orphanOfMissing, older]);
    expect(roots.map((n) => n.record.pid)).toEqual([1, 20]);
    expect(roots[0]!.children.map((n) => n.record.pid)).toEqual([9, 5]);
    expect(roots[0]!.children[0]!.depth).toBe(1);
  });

  it('keeps the same order whatever order the rows come in', () => {
    const rows = [1, 2, 3, 4, 5].map((pid) => makeRecord({ pid, ppid: pid === 1 ? 0 : 1, startTime: 7 }));
    const pidsOf = (order: typeof rows) => buildTree(order)[0]!.children.map((n) => n.record.pid);
    expect(pidsOf(rows)).toEqual([2, 3, 4, 5]);
    expect(pidsOf([...rows].reverse())).toEqual([2, 3, 4, 5]);
  });

  it('survives a process that names itself as parent, and a very deep chain', () => {
    expect(buildTree([makeRecord({ pid: 3, ppid: 3 })])).toHaveLength(1);
    const chain = Array.from({ length: 20_000 }, (_, i) => makeRecord({ pid: i + 1, ppid: i }));
    const roots = buildTree(chain);
    expect(roots).toHaveLength(1);
    expect(findNode(roots, 20_000)?.depth).toBe(19_999);
  });

  it('lists the ancestors of a process, nearest first, stopping at a loop', () => {
    const table = tableOf(
      makeRecord({ pid: 1, ppid: 0 }),
      makeRecord({ pid: 2, ppid: 1 }),
      makeRecord({ pid: 3, ppid: 2 }),
    );
    expect(ancestorsOf(table, 3).map((r) => r.pid)).toEqual([2, 1]);
    const loop = tableOf(makeRecord({ pid: 7, ppid: 8 }), makeRecord({ pid: 8, ppid: 7 }));
    expect(ancestorsOf(loop, 7).map((r) => r.pid)).toEqual([8]);
  });
});

describe('descendantsOf', () => {
  it('lists every descendant, children before their parents, and survives a loop', () => {
    const rows = [
      makeRecord({ pid: 1, ppid: 0 }),
      makeRecord({ pid: 2, ppid: 1 }),
      makeRecord({ pid: 3, ppid: 2 }),
      makeRecord({ pid: 4, ppid: 1 }),
      makeRecord({ pid: 9, ppid: 0 }),
    ];
    const order = descendantsOf(rows, 1).map((r) => r.pid);
    expect([...order].sort()).toEqual([2, 3, 4]);
    expect(order.indexOf(3)).toBeLessThan(order.indexOf(2));
    expect(
      descendantsOf([makeRecord({ pid: 7, ppid: 8 }), makeRecord({ pid: 8, ppid: 7 })], 7).map((r) => r.pid),
    ).toEqual([8]);
  });
});
