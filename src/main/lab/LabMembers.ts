// Which processes belong to which run. Each member is pinned by (pid, start time), and a run's
// members are checked against /proc whenever they are asked for: a pid that died, or that another
// process took, is never a member, whatever was remembered.
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import type { WatchedProcess } from './LabTreePoller';

export interface LiveMember extends WatchedProcess {
  pgid: number;
  state: string;
}

export class LabMembers {
  private readonly byPid = new Map<number, WatchedProcess>();

  constructor(private readonly reader: ProcIdentityReader) {}

  get size(): number {
    return this.byPid.size;
  }

  /** Adds a member; false if it was one already. */
  add(member: WatchedProcess): boolean {
    if (this.byPid.get(member.pid)?.startTime === member.startTime) return false;
    this.byPid.set(member.pid, { ...member });
    return true;
  }

  remove(pid: number, startTime: number): boolean {
    if (this.byPid.get(pid)?.startTime !== startTime) return false;
    return this.byPid.delete(pid);
  }

  /** The run of the process (pid, start time), if it is a member. */
  runOf(pid: number, startTime: number): string | undefined {
    const member = this.byPid.get(pid);
    return member?.startTime === startTime ? member.runId : undefined;
  }

  pids(): number[] {
    return [...this.byPid.keys()];
  }

  all(): WatchedProcess[] {
    return [...this.byPid.values()];
  }

  /**
   * The run's processes as /proc shows them now (zombies included, since they are still part of
   * the run until reaped); members whose pid is gone or taken are forgotten on the way.
   */
  ofRun(runId: string): LiveMember[] {
    const live: LiveMember[] = [];
    for (const member of this.byPid.values()) {
      if (member.runId !== runId) continue;
      const now = this.reader.read(member.pid);
      if (!now || now.startTime !== member.startTime) {
        this.byPid.delete(member.pid);
        continue;
      }
      live.push({ ...member, pgid: now.pgid, state: now.state });
    }
    return live;
  }
}
