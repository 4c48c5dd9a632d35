// Turns the derived tree into the rows the tree view shows: folds applied, filters keeping ancestors.
import { buildTree, type TreeNode } from '../../../shared/model/buildTree';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { DisplayRow, TreeRow } from './DisplayRow';
import type { ProcessPredicate } from './processQuery';
import type { ProcessKey } from './processKey';

export interface TreeOptions {
  /** Folded nodes, by process key. */
  collapsed: ReadonlySet<ProcessKey>;
  /** Only matches, their ancestors (for context) and, with showSubtrees, their descendants. */
  filter: ProcessPredicate | null;
  showSubtrees: boolean;
}

/**
 * The tree rows of earlier calls, by display row: a process whose row and place did not change
 * keeps its tree row, so an update at 10,000 processes allocates rows only for what changed.
 */
export type TreeRowCache = WeakMap<DisplayRow, TreeRow>;

export function flattenTree(
  rows: DisplayRow[],
  { collapsed, filter, showSubtrees }: TreeOptions,
  cache?: TreeRowCache,
): TreeRow[] {
  const byPid = new Map<number, DisplayRow>();
  const records: ProcessRecord[] = [];
  for (const row of rows) {
    byPid.set(row.record.pid, row);
    records.push(row.record);
  }
  const roots = buildTree(records);
  const visible = filter ? visibleUnderFilter(roots, filter, showSubtrees) : null;
  const out: TreeRow[] = [];
  const stack: TreeNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const mark = visible?.get(node);
    if (visible && mark === undefined) continue;
    const row = byPid.get(node.record.pid)!;
    const key = row.key;
    const children = visible ? node.children.filter((c) => visible.has(c)) : node.children;
    // While filtering, the path to every match stays open so no match hides in a fold.
    const expanded = children.length > 0 && (mark === 'context' || !collapsed.has(key));
    out.push(treeRow(row, node.depth, children.length > 0, expanded, mark === 'context', cache));
    if (expanded) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function treeRow(
  row: DisplayRow,
  depth: number,
  hasChildren: boolean,
  expanded: boolean,
  contextOnly: boolean,
  cache: TreeRowCache | undefined,
): TreeRow {
  const cached = cache?.get(row);
  if (
    cached &&
    cached.depth === depth &&
    cached.hasChildren === hasChildren &&
    cached.expanded === expanded &&
    cached.contextOnly === contextOnly
  )
    return cached;
  const made = { ...row, depth, hasChildren, expanded, contextOnly };
  cache?.set(row, made);
  return made;
}

type Mark = 'match' | 'context' | 'subtree';

/** A node being walked, with the walk's entry for its parent (its ancestors, linked). */
interface Walked {
  node: TreeNode;
  parent: Walked | null;
  inMatchedSubtree: boolean;
}

/**
 * Marks the matches, their ancestors (context) and the matches' subtrees, by node (no key strings
 * to build and hash). Every marked node has all its ancestors marked (they are walked first), so
 * marking a match's path stops at the first marked ancestor: each node is marked once, instead of
 * once per match below it.
 */
function visibleUnderFilter(roots: TreeNode[], filter: ProcessPredicate, showSubtrees: boolean): Map<TreeNode, Mark> {
  const marks = new Map<TreeNode, Mark>();
  const stack: Walked[] = roots.map((node) => ({ node, parent: null, inMatchedSubtree: false }));
  while (stack.length > 0) {
    const walked = stack.pop()!;
    const { node, inMatchedSubtree } = walked;
    const matches = filter(node.record);
    if (matches) {
      marks.set(node, 'match');
      for (let ancestor = walked.parent; ancestor && !marks.has(ancestor.node); ancestor = ancestor.parent)
        marks.set(ancestor.node, 'context');
    } else if (inMatchedSubtree && showSubtrees) {
      marks.set(node, 'subtree');
    }
    for (const child of node.children)
      stack.push({ node: child, parent: walked, inMatchedSubtree: inMatchedSubtree || matches });
  }
  return marks;
}
