// Signals to a run's processes that cannot reach another process that took a pid in the meantime,
// and the run's groups as terminal keys see them.
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import type { LiveTable } from '../service/LiveTable';
import { signalPinned } from '../signals/signalPinned';
import type { LiveMember } from './LabMembers';
import type { LabRun } from './LabRun';
import type { WatchedProcess } from './LabTreePoller';
import type { RunGroups } from './terminalKeys';

/**
 * The run's root is signalled by pid while the run holds it (it cannot name another process until
 * it is reaped); every other member is pinned: read again right before the kill.
 */
export function signalRunMember(
  run: LabRun | undefined,
  target: WatchedProcess,
  signal: NodeJS.Signals,
  reader: ProcIdentityReader,
): void {
  const isRoot = run?.info.rootPid === target.pid && run.info.rootStartTime === target.startTime;
  if (!isRoot || !run.rootHeld) {
    signalPinned(reader, target, signal);
    return;
  }
  try {
    process.kill(target.pid, signal);
  } catch {
    // Not ours to signal: callers look again afterwards.
  }
}

/**
 * kill(-pgid) reaches whoever is in the group at that instant, and a group id stays taken while
 * any process is in it. So it is sent only while the run anchors the group: its root held (and
 * leading it), or one of its members found in the group by a read of /proc right before the kill.
 */
function signalRunGroup(
  run: LabRun,
  pgid: number,
  members: LiveMember[],
  signal: NodeJS.Signals,
  reader: ProcIdentityReader,
): boolean {
  const anchored =
    (run.rootHeld && run.info.rootPid === pgid) ||
    members.some((m) => {
      const now = reader.read(m.pid);
      return now?.startTime === m.startTime && now.pgid === pgid;
    });
  if (!anchored) return false;
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** A run's groups for terminal keys: the foreground as last sampled, members read from /proc now. */
export function runGroups(
  run: LabRun,
  members: () => LiveMember[],
  live: LiveTable,
  reader: ProcIdentityReader,
): RunGroups {
  const membersIn = (pgid: number) => members().filter((m) => m.pgid === pgid);
  return {
    foreground: () => live.table.byPid.get(run.info.rootPid)?.tpgid,
    membersOf: (pgid) => membersIn(pgid).map((m) => m.pid),
    signal: (pgid, signal) => signalRunGroup(run, pgid, membersIn(pgid), signal, reader),
  };
}
