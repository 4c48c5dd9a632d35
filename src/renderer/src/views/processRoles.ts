// The role each process of a run gives itself in its lines: a demo line is "[pid] role: sentence"
// ("[1234] blocker: SIGUSR1 is blocked", "[1235] 子进程 1：…"). Processes forked from one program
// share its command line, so the role is what tells them apart in the run's tree.
import type { ProcessLine } from '../../../shared/model/Lab';

/** "[pid] " then a short name (no brackets, colons or line breaks), then a colon, ASCII or full-width. */
const ROLE = /^\[\d+\] ([^:：[\]\n]{1,24}?)\s*[:：]/;

/** Each pid's role as of its latest line that names one (a later role replaces an earlier one). */
export function rolesOf(lines: readonly ProcessLine[]): Map<number, string> {
  const roles = new Map<number, string>();
  for (const line of lines) {
    const role = ROLE.exec(line.text)?.[1];
    if (role) roles.set(line.pid, role);
  }
  return roles;
}
