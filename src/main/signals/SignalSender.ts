// Sends signals safely: the target is pinned by (pid, start time), PID 0/1 are refused, and
// signalling ProcLab itself or ending a process the lab did not start needs a confirmation.
import { ProcLabFailure } from '../../shared/contract/errors';
import { descendantsOf } from '../../shared/model/buildTree';
import { mayEndProcess, predictOutcome, WAITING_KINDS } from '../../shared/model/predictOutcome';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { Observation, Prediction, SignalInfo, SignalReport, SignalTargetKind } from '../../shared/model/Signals';
import { formatTimeOfDay } from '../../shared/model/formatProcess';
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
  /** Whether the process (pid, start time) belongs to a lab run; the caller read both from /proc. */
  isLabProcess(pid: number, startTime: number): boolean;
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

  /**
   * Checks that the pinned process is still the same one; returns what /proc says of it now.
   * A zombie can be signalled (nothing happens, which is worth seeing) but not reniced or ended.
   */
  pin(pid: number, startTime: number, { allowZombie = false } = {}): ProcIdentity {
    if (pid <= 1) {
      throw new ProcLabFailure('INVALID_ARGUMENT', `PID ${pid} is refused: ProcLab never signals PID 0 or 1 (init)`);
    }
    const now = this.deps.reader.read(pid);
    if (!now || now.state === 'X' || (now.state === 'Z' && !allowZombie)) {
      throw new ProcLabFailure('NO_SUCH_PROCESS', `process ${pid} has already exited; nothing was sent`);
    }
    if (now.startTime !== startTime) {
      const started = formatTimeOfDay(now.startTime);
      throw new ProcLabFailure(
        'STALE_TARGET',
        `PID ${pid} now belongs to another process (${now.comm}, started ${started}); nothing was sent`,
      );
    }
    return now;
  }

  async send(request: SignalRequest): Promise<SignalReport> {
    const signal = this.signalInfo(request.signal);
    const target = this.pin(request.pid, request.startTime, { allowZombie: true });
    const table = await this.deps.table();
    const members = this.membersOf(request.target, target, table);
    // Each member's own dispositions: the confirmation asks exactly when the prediction says it may end.
    const predictions = new Map(members.map((m) => [m.pid, this.predict(m, signal)]));
    this.requireConfirmations(request, signal, members, table, (m) => predictions.get(m.pid)!);

    const at = Date.now();
    const delivered = this.deliver(request.target, target, members, signal, table);
    const watched = members.filter((m) => delivered.includes(m.pid));
    const observed = await Promise.all(
      watched.map((m) =>
        observeOutcome(
          this.deps.reader,
          { pid: m.pid, startTime: m.startTime, stateBefore: m.state },
          signal,
          predictions.get(m.pid)!,
          this.deps.lab,
        ),
      ),
    );
    return {
      id: nextReportId++,
      at,
      signal: signal.name,
      signalNumber: signal.number,
      target: request.target,
      pid: target.pid,
      startTime: target.startTime,
      pgid: request.target === 'group' ? target.pgid : null,
      comm: target.comm,
      delivered,
      prediction: predictions.get(target.pid)!,
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

  /** What this signal will do to one member, from its own /proc/PID/status. */
  predict(member: ProcIdentity, signal: SignalInfo): Prediction {
    const status = this.deps.reader.status(member.pid);
    const disposition = status ? decodeDispositions(parseStatus(status), [signal])[0] : undefined;
    return predictOutcome(signal, disposition, member);
  }

  /**
   * Throws CONFIRMATION_REQUIRED (with details a client can put in its own words) before signalling
   * ProcLab itself, or a process the lab did not start that may end. Without predictions (end tree)
   * every member counts as ending.
   */
  requireConfirmations(
    request: Pick<SignalRequest, 'confirmed' | 'confirmOwn'>,
    signal: SignalInfo,
    members: ProcIdentity[],
    table: ReadonlyMap<number, ProcessRecord>,
    predictionOf?: (member: ProcIdentity) => Prediction,
  ): void {
    const own = this.deps.ownPids(table);
    const ownHit = members.find((m) => own.has(m.pid));
    const details = (reason: string, m: ProcIdentity) => ({ reason, pid: m.pid, comm: m.comm, signal: signal.name });
    if (ownHit && !request.confirmOwn) {
      throw new ProcLabFailure(
        'CONFIRMATION_REQUIRED',
        `process ${ownHit.pid} (${ownHit.comm}) is ProcLab itself; confirm to signal it anyway`,
        details('own', ownHit),
      );
    }
    if (request.confirmed) return;
    const mayEnd = (m: ProcIdentity) => !predictionOf || mayEndProcess(predictionOf(m));
    const outsider = members.find((m) => !this.deps.lab.isLabProcess(m.pid, m.startTime) && mayEnd(m));
    if (!outsider) return;
    const kind = predictionOf?.(outsider).kind;
    if (kind && WAITING_KINDS.includes(kind)) {
      throw new ProcLabFailure(
        'CONFIRMATION_REQUIRED',
        `${signal.name} stays pending in process ${outsider.pid} (${outsider.comm}) for now and will end it when it acts; the lab did not start it, so confirm to send it`,
        details('pending', outsider),
      );
    }
    if (kind === 'handler') {
      throw new ProcLabFailure(
        'CONFIRMATION_REQUIRED',
        `process ${outsider.pid} (${outsider.comm}) has a handler for ${signal.name}: its code decides what happens, and it may end; the lab did not start it, so confirm to send it`,
        details('handler', outsider),
      );
    }
    throw new ProcLabFailure(
      'CONFIRMATION_REQUIRED',
      `${signal.name} will end process ${outsider.pid} (${outsider.comm}), which the lab did not start; confirm to send it`,
      details('ends', outsider),
    );
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
      // The group's id cannot be reused while the target is in it: checked right before the kill.
      const now = this.deps.reader.read(target.pid);
      if (!now || now.startTime !== target.startTime || now.pgid !== target.pgid) {
        throw new ProcLabFailure('STALE_TARGET', `process ${target.pid} left group ${target.pgid}; nothing was sent`);
      }
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
  const { pid, ppid, pgid, state, startTime, comm, nice, kernelThread } = p;
  return { pid, ppid, pgid, state, startTime, comm, nice, kernelThread };
}

function targetFirst(observed: Observation[], pid: number): Observation[] {
  return [...observed].sort((a, b) => (a.pid === pid ? -1 : b.pid === pid ? 1 : 0));
}
