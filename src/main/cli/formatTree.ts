// pstree-like text for `proclab tree`: one process a line, children under their parent.
import type { TreeNode } from '../../shared/model/buildTree';

export function formatTree(roots: TreeNode[]): string {
  const lines: string[] = [];
  // Iterative, with the prefix carried along: deep trees must not overflow the stack.
  const stack: { node: TreeNode; prefix: string; branch: string }[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ node: roots[i]!, prefix: '', branch: '' });
  while (stack.length > 0) {
    const { node, prefix, branch } = stack.pop()!;
    const { comm, pid, state } = node.record;
    lines.push(`${prefix}${branch}${comm}(${pid})${state === 'Z' ? ' <defunct>' : ''}`);
    const childPrefix = prefix + (branch === '├─' ? '│ ' : branch === '└─' ? '  ' : '');
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, prefix: childPrefix, branch: i === children.length - 1 ? '└─' : '├─' });
    }
  }
  return lines.join('\n');
}
