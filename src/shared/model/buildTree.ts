// Derives the process tree from the rows each time (never stored): a missing parent makes a root.
import type { ProcessRecord } from './ProcessRecord';

export interface TreeNode {
  record: ProcessRecord;
  children: TreeNode[];
  depth: number;
}

/** Stable order: siblings by start time, then pid, so rows never jump between updates. */
export function compareByBirth(a: ProcessRecord, b: ProcessRecord): number {
  return a.startTime - b.startTime || a.pid - b.pid;
}

export function buildTree(rows: Iterable<ProcessRecord>): TreeNode[] {
  const nodes = new Map<number, TreeNode>();
  for (const record of rows) nodes.set(record.pid, { record, children: [], depth: 0 });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const { pid, ppid } = node.record;
    const parent = ppid !== pid ? nodes.get(ppid) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byBirth = (a: TreeNode, b: TreeNode) => compareByBirth(a.record, b.record);
  roots.sort(byBirth);
  // Iterative walk: deep chains (fork bombs in a demo) must not overflow the stack.
  const stack = roots.map((root) => root);
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.children.sort(byBirth);
    for (const child of node.children) {
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  return roots;
}

/** Finds the node of a pid in a derived tree, or undefined. */
export function findNode(roots: TreeNode[], pid: number): TreeNode | undefined {
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.record.pid === pid) return node;
    stack.push(...node.children);
  }
  return undefined;
}

/** The chain of ancestors of a pid, nearest parent first, stopping at a missing parent or a loop. */
export function ancestorsOf(byPid: ReadonlyMap<number, ProcessRecord>, pid: number): ProcessRecord[] {
  const chain: ProcessRecord[] = [];
  const seen = new Set<number>([pid]);
  let current = byPid.get(pid);
  while (current) {
    const parent = byPid.get(current.ppid);
    if (!parent || seen.has(parent.pid)) break;
    chain.push(parent);
    seen.add(parent.pid);
    current = parent;
  }
  return chain;
}

/** Each pid's children: built once where several subtrees of the same table are walked. */
export type ChildrenIndex = ReadonlyMap<number, readonly ProcessRecord[]>;

export function childrenIndex(rows: Iterable<ProcessRecord>): ChildrenIndex {
  const childrenOf = new Map<number, ProcessRecord[]>();
  for (const row of rows) {
    const siblings = childrenOf.get(row.ppid);
    if (siblings) siblings.push(row);
    else childrenOf.set(row.ppid, [row]);
  }
  return childrenOf;
}

/** Every descendant of a pid, children before their parents (the order to end a subtree in). */
export function descendantsOf(rows: Iterable<ProcessRecord>, pid: number): ProcessRecord[] {
  return descendantsIn(childrenIndex(rows), pid);
}

/** descendantsOf, over an index already built. */
export function descendantsIn(childrenOf: ChildrenIndex, pid: number): ProcessRecord[] {
  const ordered: ProcessRecord[] = [];
  const seen = new Set<number>([pid]);
  // Iterative post-order: a deep chain must not overflow the stack.
  const stack: { row: ProcessRecord; expanded: boolean }[] = (childrenOf.get(pid) ?? []).map((row) => ({
    row,
    expanded: false,
  }));
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      ordered.push(top.row);
      continue;
    }
    if (seen.has(top.row.pid)) continue;
    seen.add(top.row.pid);
    stack.push({ row: top.row, expanded: true });
    for (const child of childrenOf.get(top.row.pid) ?? []) stack.push({ row: child, expanded: false });
  }
  return ordered;
}
