// Sends signals safely: the target is pinned by (pid, start time), PID 0/1 and ProcLab itself are
// refused, terminating signals to processes the lab did not start need a confirmation.
import { ProcLabFailure } from '../../shared/contract/errors';
import { descendantsOf } from '../../shared/model/buildTree';
import { predictOutcome } from '../../shared/model/predictOutcome';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { Observation, SignalInfo, SignalReport, SignalTargetKind } from '../../shared/model/Signals';
import { parseStatus } from '../details/parseStatus';
import type { ProcIdentity, ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { decodeDispositions } from './decodeSignalMasks';
import { observeOutcome, type ExitStatusSource } from './observeOutcome';
import { findSignal } from './signalCatalog';
import { killFailure } from './signalErrors';

export interface SignalRequest {
  pid: number;
  startTime: number;
  signal: string | number;
  target: SignalTargetKind;
  confirmed: boolean;
  confirmOwn: boolean;
}

export interface LabMembership extends ExitStatusSource {
  isLabProcess(pid: number): boolean;
}

export interface SignalSenderDeps {
  catalog: SignalInfo[];
  reader: ProcIdentityReader;
  /** A fresh table (for groups, subtrees, owners). */
  table: () => Promise<ReadonlyMap<number, ProcessRecord>>;
  lab: LabMembership;
  /** ProcLab's own processes: the main process and Electron's helpers. */
  ownPids: (table: ReadonlyMap<number, ProcessRecord>) => Set<number>;
}

let nextReportId = 1;

export class SignalSender {
  constructor(private readonly deps: SignalSenderDeps) {}

  signalInfo(spec: string | number): SignalInfo {
    const signal = findSignal(this.deps.catalog, spec);
    if (!signal)
      throw new ProcLabFailure('INVALID_ARGUMENT', `this system has no signal ${String(spec)} (see kill -l)`);
    return signal;
  }

  /** Checks that the pinned process is still the same one; returns what /proc says of it now. */
  pin(pid: number, startTime: number): ProcIdentity {
    if (pid <= 1) {
      throw new ProcLabFailure('INVALID_ARGUMENT', `PID ${pid} is refused: ProcLab never signals PID 0 or 1 (init)`);
    }
    const now = this.deps.reader.read(pid);
    if (!now || now.state === 'Z' || now.state === 'X') {
      throw new ProcLabFailure('NO_SUCH_PROCESS', `process ${pid} has already exited; nothing was sent`);
    }
    if (now.startTime !== startTime) {
      const started = new Date(now.startTime).toLocaleTimeString();
      throw new ProcLabFailure(
        'STALE_TARGET',
        `PID ${pid} now belongs to another process (${now.comm}, started ${started}); nothing was sent`,
      );
    }
    return now;
  }

  async send(request: SignalRequest): Promise<SignalReport> {
    const signal = this.signalInfo(request.signal);
    const target = this.pin(request.pid, request.startTime);
    const table = await this.deps.table();
    const members = this.membersOf(request.target, target, table);
    this.requireConfirmations(request, signal, members, table);

    const status = this.deps.reader.status(target.pid);
    const disposition = status ? decodeDispositions(parseStatus(status), [signal])[0] : undefined;
    const prediction = predictOutcome(signal, disposition, target.state);
    const delivered = this.deliver(request.target, target, members, signal, table);
    const watched = members.filter((m) => delivered.includes(m.pid));
    const observed = await Promise.all(
      watched.map((m) =>
        observeOutcome(
          this.deps.reader,
          { pid: m.pid, startTime: m.startTime, stateBefore: m.state },
          signal,
          prediction,
          this.deps.lab,
        ),
      ),
    );
    return {
      id: nextReportId++,
      at: Date.now(),
      signal: signal.name,
      signalNumber: signal.number,
      target: request.target,
      pid: target.pid,
      startTime: target.startTime,
      pgid: request.target === 'group' ? target.pgid : null,
      comm: target.comm,
      delivered,
      prediction,
      observed: targetFirst(observed, target.pid),
      error: null,
    };
  }

  /** The processes a send reaches, each pinned by its own start time; children before parents. */
  membersOf(kind: SignalTargetKind, target: ProcIdentity, table: ReadonlyMap<number, ProcessRecord>): ProcIdentity[] {
    if (kind === 'process') return [target];
    if (kind === 'group') {
      if (target.pgid <= 1) {
        throw new ProcLabFailure(
          'INVALID_ARGUMENT',
          `process group ${target.pgid} is refused: only groups above 1 can be signalled`,
        );
      }
      return [...table.values()].filter((p) => p.pgid === target.pgid).map(identityOf);
    }
    return [...descendantsOf(table.values(), target.pid).map(identityOf), target];
  }

  requireConfirmations(
    request: Pick<SignalRequest, 'confirmed' | 'confirmOwn'>,
    signal: SignalInfo,
    members: ProcIdentity[],
    table: ReadonlyMap<number, ProcessRecord>,
  ): void {
    const own = this.deps.ownPids(table);
    const ownHit = members.find((m) => own.has(m.pid));
    if (ownHit && !request.confirmOwn) {
      throw new ProcLabFailure(
        'CONFIRMATION_REQUIRED',
        `process ${ownHit.pid} (${ownHit.comm}) is ProcLab itself; confirm to signal it anyway`,
      );
    }
    const terminating = signal.defaultAction === 'terminate' || signal.defaultAction === 'core';
    const outsider = members.find((m) => !this.deps.lab.isLabProcess(m.pid));
    if (terminating && outsider && !request.confirmed) {
      throw new ProcLabFailure(
        'CONFIRMATION_REQUIRED',
        `${signal.name} may end process ${outsider.pid} (${outsider.comm}), which the lab did not start; confirm to send it`,
      );
    }
  }

  private deliver(
    kind: SignalTargetKind,
    target: ProcIdentity,
    members: ProcIdentity[],
    signal: SignalInfo,
    table: ReadonlyMap<number, ProcessRecord>,
  ): number[] {
    const ownerOf = (pid: number) => table.get(pid)?.user ?? '?';
    if (kind === 'group') {
      try {
        process.kill(-target.pgid, signal.number);
      } catch (error) {
        throw killFailure(error, target.pid, ownerOf(target.pid), signal.name);
      }
      return members.map((m) => m.pid);
    }
    const delivered: number[] = [];
    for (const member of members) {
      // Pinned again right before its signal: a subtree changes while it is walked.
      const now = this.deps.reader.read(member.pid);
      if (!now || now.startTime !== member.startTime) continue;
      try {
        process.kill(member.pid, signal.number);
        delivered.push(member.pid);
      } catch (error) {
        if (member.pid === target.pid) throw killFailure(error, member.pid, ownerOf(member.pid), signal.name);
      }
    }
    return delivered;
  }
}

function identityOf(p: ProcessRecord): ProcIdentity {
  return { pid: p.pid, ppid: p.ppid, pgid: p.pgid, state: p.state, startTime: p.startTime, comm: p.comm, nice: p.nice };
}

function targetFirst(observed: Observation[], pid: number): Observation[] {
  return [...observed].sort((a, b) => (a.pid === pid ? -1 : b.pid === pid ? 1 : 0));
}
