// Renice and "end tree" (TERM children-first, KILL what is left after a grace period), pinned like sends.
import os from 'node:os';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { ProcIdentity, ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { reniceFailure } from './signalErrors';
import { signalPinned } from './signalPinned';
import type { SignalSender } from './SignalSender';

export interface EndTreeProgress {
  phase: 'term' | 'kill' | 'done';
  total: number;
  remaining: number;
}

export interface EndTreeResult {
  total: number;
  endedByTerm: number;
  endedByKill: number;
  /** Pids still alive at the end (only if even SIGKILL could not end them, e.g. D state). */
  remaining: number[];
}

const POLL_MS = 100;
const KILL_WAIT_MS = 3_000;

export class ProcessControl {
  constructor(
    private readonly sender: SignalSender,
    private readonly reader: ProcIdentityReader,
    private readonly table: () => Promise<ReadonlyMap<number, ProcessRecord>>,
  ) {}

  async renice(pid: number, startTime: number, nice: number): Promise<{ pid: number; nice: number }> {
    const target = this.sender.pin(pid, startTime);
    try {
      os.setPriority(pid, nice);
    } catch (error) {
      const owner = (await this.table()).get(pid)?.user ?? '?';
      throw reniceFailure(error, pid, owner, target.nice, nice);
    }
    return { pid, nice: this.reader.read(pid)?.nice ?? nice };
  }

  async endTree(
    request: { pid: number; startTime: number; graceMs: number; confirmed: boolean; confirmOwn: boolean },
    onProgress: (progress: EndTreeProgress) => void,
  ): Promise<EndTreeResult> {
    const target = this.sender.pin(request.pid, request.startTime);
    const table = await this.table();
    const members = this.sender.membersOf('subtree', target, table);
    const term = this.sender.signalInfo('SIGTERM');
    this.sender.requireConfirmations(request, term, members, table);
    const total = members.length;

    onProgress({ phase: 'term', total, remaining: total });
    this.signalAll(members, 'SIGTERM');
    let alive = await this.waitGone(members, request.graceMs, (remaining) =>
      onProgress({ phase: 'term', total, remaining }),
    );
    const endedByTerm = total - alive.length;
    if (alive.length > 0) {
      onProgress({ phase: 'kill', total, remaining: alive.length });
      this.signalAll(alive, 'SIGKILL');
      alive = await this.waitGone(alive, KILL_WAIT_MS, (remaining) => onProgress({ phase: 'kill', total, remaining }));
    }
    onProgress({ phase: 'done', total, remaining: alive.length });
    return { total, endedByTerm, endedByKill: total - endedByTerm - alive.length, remaining: alive.map((m) => m.pid) };
  }

  private isAlive(member: ProcIdentity): boolean {
    return this.reader.isAlive(member.pid, member.startTime);
  }

  /** Children first; each pinned again right before its signal. */
  private signalAll(members: ProcIdentity[], signal: 'SIGTERM' | 'SIGKILL'): void {
    for (const member of members) signalPinned(this.reader, member, signal);
  }

  private async waitGone(
    members: ProcIdentity[],
    timeoutMs: number,
    report: (remaining: number) => void,
  ): Promise<ProcIdentity[]> {
    const deadline = Date.now() + timeoutMs;
    let alive = members.filter((m) => this.isAlive(m));
    while (alive.length > 0 && Date.now() < deadline) {
      report(alive.length);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      alive = alive.filter((m) => this.isAlive(m));
    }
    return alive;
  }
}
