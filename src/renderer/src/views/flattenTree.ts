// Turns the derived tree into the rows the tree view shows: folds applied, filters keeping ancestors.
import { buildTree, type TreeNode } from '../../../shared/model/buildTree';
import type { DisplayRow, TreeRow } from './DisplayRow';
import type { ProcessPredicate } from './processQuery';
import { processKey, type ProcessKey } from './processKey';

export interface TreeOptions {
  /** Folded nodes, by process key. */
  collapsed: ReadonlySet<ProcessKey>;
  /** Only matches, their ancestors (for context) and, with showSubtrees, their descendants. */
  filter: ProcessPredicate | null;
  showSubtrees: boolean;
}

export function flattenTree(rows: DisplayRow[], { collapsed, filter, showSubtrees }: TreeOptions): TreeRow[] {
  const byPid = new Map(rows.map((row) => [row.record.pid, row]));
  const roots = buildTree(rows.map((row) => row.record));
  const visible = filter ? visibleUnderFilter(roots, filter, showSubtrees) : null;
  const out: TreeRow[] = [];
  const stack: TreeNode[] = [...roots].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const key = processKey(node.record);
    const mark = visible?.get(key);
    if (visible && mark === undefined) continue;
    const row = byPid.get(node.record.pid)!;
    const children = visible ? node.children.filter((c) => visible.has(processKey(c.record))) : node.children;
    // While filtering, the path to every match stays open so no match hides in a fold.
    const expanded = children.length > 0 && (mark === 'context' || !collapsed.has(key));
    out.push({
      ...row,
      depth: node.depth,
      hasChildren: children.length > 0,
      expanded,
      contextOnly: mark === 'context',
    });
    if (expanded) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

type Mark = 'match' | 'context' | 'subtree';

function visibleUnderFilter(roots: TreeNode[], filter: ProcessPredicate, showSubtrees: boolean): Map<ProcessKey, Mark> {
  const marks = new Map<ProcessKey, Mark>();
  // Walk with the chain of ancestors, so each match can mark its path to the root.
  const stack: { node: TreeNode; path: TreeNode[]; inMatchedSubtree: boolean }[] = roots.map((node) => ({
    node,
    path: [],
    inMatchedSubtree: false,
  }));
  while (stack.length > 0) {
    const { node, path, inMatchedSubtree } = stack.pop()!;
    const key = processKey(node.record);
    const matches = filter(node.record);
    if (matches) {
      marks.set(key, 'match');
      for (const ancestor of path) {
        const ancestorKey = processKey(ancestor.record);
        if (!marks.has(ancestorKey)) marks.set(ancestorKey, 'context');
      }
    } else if (inMatchedSubtree && showSubtrees) {
      marks.set(key, 'subtree');
    }
    const childPath = [...path, node];
    for (const child of node.children) {
      stack.push({ node: child, path: childPath, inMatchedSubtree: inMatchedSubtree || matches });
    }
  }
  return marks;
}
