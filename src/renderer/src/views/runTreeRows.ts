// The rows of a run's tree as pstree draws them: parent links as guides, adopted processes named
// with their new parent, and the first process's exit status from the run when the event had none.
import { buildTree, type TreeNode } from '../../../shared/model/buildTree';
import type { RunInfo } from '../../../shared/model/Lab';
import type { DisplayRow } from './DisplayRow';

export interface RunTreeRow extends DisplayRow {
  depth: number;
  /** What pstree prints before the name: "│ " per open ancestor, then "├─" or "└─". */
  guide: string;
  /** It left the run's subtree (orphan, daemon): the parent outside the run that took it in. */
  adoptedBy: { pid: number; comm: string } | null;
}

type RunIdentity = Pick<RunInfo, 'rootPid' | 'rootStartTime' | 'exitCode' | 'exitSignal'>;

export function runTreeRows(rows: DisplayRow[], run: RunIdentity, adopters: ReadonlyMap<number, string>): RunTreeRow[] {
  const byPid = new Map(rows.map((row) => [row.record.pid, row]));
  const out: RunTreeRow[] = [];
  const stack: { node: TreeNode; prefix: string; last: boolean }[] = buildTree(rows.map((row) => row.record))
    .reverse()
    .map((node) => ({ node, prefix: '', last: true }));
  while (stack.length > 0) {
    const { node, prefix, last } = stack.pop()!;
    const row = withRunExit(byPid.get(node.record.pid)!, run);
    const isRoot = node.depth === 0;
    out.push({
      ...row,
      depth: node.depth,
      guide: isRoot ? '' : `${prefix}${last ? '└─' : '├─'}`,
      adoptedBy: adopterOf(row, run, byPid, adopters),
    });
    const childPrefix = isRoot ? '' : `${prefix}${last ? '  ' : '│ '}`;
    for (let i = node.children.length - 1; i >= 0; i--) {
      stack.push({ node: node.children[i]!, prefix: childPrefix, last: i === node.children.length - 1 });
    }
  }
  return out;
}

/** The run's first process is the lab's own child: its status is in the run when not on the event. */
function withRunExit(row: DisplayRow, run: RunIdentity): DisplayRow {
  const { exit, record } = row;
  const isFirst = record.pid === run.rootPid && record.startTime === run.rootStartTime;
  if (!exit || !isFirst || exit.exitCode != null || exit.signal != null) return row;
  if (run.exitCode === null && run.exitSignal === null) return row;
  return { ...row, exit: { ...exit, exitCode: run.exitCode, signal: run.exitSignal } };
}

function adopterOf(
  row: DisplayRow,
  run: RunIdentity,
  inRun: ReadonlyMap<number, DisplayRow>,
  adopters: ReadonlyMap<number, string>,
): RunTreeRow['adoptedBy'] {
  const { pid, ppid } = row.record;
  if (pid === run.rootPid || inRun.has(ppid)) return null;
  return { pid: ppid, comm: adopters.get(ppid) ?? '' };
}
