// The lab supervisor: starts demo programs and the user's own commands as its children, owns every
// process of each run (found by ancestry and by the run tag), watches them at 10 Hz, enforces caps,
// and stops them all: on request, on quit, and what an earlier ProcLab left behind.
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { ProcLabFailure } from '../../shared/contract/errors';
import type { EventPayloads } from '../../shared/contract/methods';
import type { EventName } from '../../shared/contract/names';
import {
  RUNTIME_COMMANDS,
  type DemoInfo,
  type Leftover,
  type RunEdition,
  type RunInfo,
  type RunOutputSnapshot,
} from '../../shared/model/Lab';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import type { LabMembership } from '../signals/SignalSender';
import { signalPinned } from '../signals/signalPinned';
import type { LiveTable, Tick } from '../service/LiveTable';
import { describeDemos, loadDemos, type DemoDefinition } from './demoCatalog';
import { DemoRuntimes } from './demoRuntimes';
import { ExitLog } from './ExitLog';
import { LabRun } from './LabRun';
import { terminalHelper } from './PtyProcess';
import type { TerminalSize } from './RunProcess';
import { allPids } from '../sampler/allPids';
import { findLeftovers } from './findLeftovers';
import { formatRunTag, readRunTag, RUN_TAG_VARIABLE } from './runTag';
import { CommandLineError, splitCommandLine } from './splitCommandLine';
import { withoutRunAsNode } from '../withoutRunAsNode';
import { pressKey, typeInto, type KeyPress, type RunGroups, type TerminalKey } from './terminalKeys';

export interface LabSupervisorOptions {
  live: LiveTable;
  reader: ProcIdentityReader;
  demosDir: string;
  broadcast: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  /**
   * Finds python3, sh and node for the demos' editions (tests give it another PATH); python3 also
   * runs the lab's terminal.
   */
  runtimes?: DemoRuntimes;
  /** resources/terminal/proclab_pty.py; without it (or without python3), runs go on pipes. */
  terminalScript?: string;
  maxProcessesPerRun?: number;
  maxRunMs?: number;
  stopGraceMs?: number;
}

interface Member {
  runId: string;
  startTime: number;
}

export class LabSupervisor implements LabMembership {
  readonly demos: DemoDefinition[];
  private readonly runs = new Map<string, LabRun>();
  private readonly members = new Map<number, Member>();
  private readonly exits = new ExitLog();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly runtimes: DemoRuntimes;
  private readonly maxProcesses: number;
  private readonly maxRunMs: number;
  private readonly graceMs: number;

  constructor(private readonly options: LabSupervisorOptions) {
    this.demos = loadDemos(options.demosDir);
    this.runtimes = options.runtimes ?? new DemoRuntimes();
    this.maxProcesses = options.maxProcessesPerRun ?? 64;
    this.maxRunMs = options.maxRunMs ?? 15 * 60_000;
    this.graceMs = options.stopGraceMs ?? 2_000;
    options.live.addAnnotator((tick) => this.onTick(tick));
  }

  /** The demos in the course's order, each edition saying whether it can run here now. */
  listDemos(): DemoInfo[] {
    return describeDemos(this.demos, this.runtimes);
  }

  /** Runs the demo's first edition whose programs are found (Python first). */
  startDemo(demoId: string): Promise<RunInfo> {
    const demo = this.demos.find((d) => d.id === demoId);
    if (!demo) throw new ProcLabFailure('INVALID_ARGUMENT', `no demo called "${demoId}"`);
    const chosen = this.runtimes.choose(demo.editions);
    if (!chosen) {
      const wanted = [...new Set(demo.editions.map((e) => RUNTIME_COMMANDS[e.runtime]))].join(' or ');
      throw new ProcLabFailure('UNSUPPORTED', `demo "${demoId}" needs ${wanted}, and none was found on this machine`);
    }
    const { edition, interpreter, missing } = chosen;
    const argv = [interpreter, path.join(this.options.demosDir, edition.file), ...edition.args];
    return this.start(demo.id, argv, this.options.demosDir, {
      runtime: edition.runtime,
      file: edition.file,
      interpreter,
      missing,
    });
  }

  runCommand(commandLine: string, cwd: string): Promise<RunInfo> {
    let argv: string[];
    try {
      argv = splitCommandLine(commandLine);
    } catch (error) {
      if (error instanceof CommandLineError)
        throw new ProcLabFailure('INVALID_ARGUMENT', `bad command line: ${error.message}`);
      throw error;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(cwd).isDirectory();
    } catch {
      // reported below
    }
    if (!isDirectory)
      throw new ProcLabFailure('INVALID_ARGUMENT', `working directory ${cwd} does not exist or is not a directory`);
    return this.start(null, argv, cwd);
  }

  listRuns(): RunInfo[] {
    return [...this.runs.values()].map((run) => ({ ...run.info }));
  }

  output(runId: string): RunOutputSnapshot {
    return this.run(runId).output.snapshot();
  }

  /** Bytes typed into the run's terminal. */
  writeTerminal(runId: string, data: string): void {
    typeInto(this.run(runId), data, this.groupsOf(runId));
  }

  /** The terminal follows its widget: the kernel tells the foreground group (SIGWINCH). */
  resizeTerminal(runId: string, size: TerminalSize): void {
    this.run(runId).resize(size);
  }

  terminalKey(runId: string, key: TerminalKey): KeyPress {
    return pressKey(this.run(runId), key, this.groupsOf(runId));
  }

  /**
   * TERM to every process of the run (escaped daemons too), then KILL, again and again, whatever
   * is still there or was born meanwhile, until nothing carries the run's tag.
   */
  async stopRun(runId: string, reason = 'stopped from ProcLab'): Promise<RunInfo> {
    const run = this.run(runId);
    if (run.info.stopReason === null) run.info.stopReason = reason;
    const targets = this.processesOf(runId);
    for (const t of targets) this.signalPinned(t, 'SIGTERM');
    const graceEnds = Date.now() + this.graceMs;
    while (this.processesOf(runId).length > 0 && Date.now() < graceEnds) await sleep(50);
    let killed = 0;
    const killEnds = Date.now() + 5_000;
    for (let left = this.processesOf(runId); left.length > 0 && Date.now() < killEnds; left = this.processesOf(runId)) {
      for (const t of left) this.signalPinned(t, 'SIGKILL');
      killed += left.length;
      await sleep(50);
    }
    run.info.status = 'stopped';
    run.output.note(
      `run stopped (${reason}): ${targets.length} processes asked to end with SIGTERM, ${killed} ended by SIGKILL`,
    );
    this.refreshRun(run, true);
    return { ...run.info };
  }

  async shutdown(): Promise<void> {
    await Promise.all(
      [...this.runs.values()]
        .filter((r) => this.processesOf(r.info.runId).length > 0)
        .map((r) => this.stopRun(r.info.runId, 'ProcLab is closing')),
    );
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.all([...this.runs.values()].map((run) => run.close()));
  }

  /** Last resort on process exit, when nothing can be awaited. */
  killAllNow(): void {
    for (const run of this.runs.values())
      for (const t of this.processesOf(run.info.runId)) this.signalPinned(t, 'SIGKILL');
  }

  /** Processes tagged by an earlier ProcLab that is no longer running (it was SIGKILLed). */
  findLeftovers(): Leftover[] {
    return findLeftovers(this.options.reader);
  }

  async cleanLeftovers(): Promise<{ ended: number }> {
    const leftovers = this.findLeftovers();
    for (const l of leftovers) this.signalPinned(l, 'SIGTERM');
    await sleep(this.graceMs);
    for (const l of leftovers) this.signalPinned(l, 'SIGKILL');
    return { ended: leftovers.length };
  }

  isLabProcess(pid: number): boolean {
    return this.members.has(pid);
  }

  exitOf(pid: number, startTime: number) {
    return this.exits.of(pid, startTime);
  }

  private async start(
    demoId: string | null,
    argv: string[],
    cwd: string,
    edition: RunEdition | null = null,
  ): Promise<RunInfo> {
    const runId = randomBytes(4).toString('hex');
    const inherited = withoutRunAsNode(process.env);
    const env = edition ? this.runtimes.environmentFor(edition.runtime, inherited) : inherited;
    const run = new LabRun(
      {
        runId,
        demoId,
        edition,
        argv,
        cwd,
        env,
        tag: { name: RUN_TAG_VARIABLE, value: formatRunTag({ ownerPid: process.pid, runId }) },
        terminal: terminalHelper(this.runtimes.find('python'), this.options.terminalScript),
        onOutput: (batch) => this.options.broadcast('labOutput', batch),
        onExit: (finished) => {
          const { rootPid, rootStartTime, exitCode, exitSignal } = finished.info;
          this.exits.record(rootPid, rootStartTime, { code: exitCode, signal: exitSignal });
          this.refreshRun(finished, true);
        },
      },
      (pid) => this.options.reader.read(pid)?.startTime ?? 0,
    );
    this.runs.set(runId, run);
    await run.start();
    // It could not start (and said why), or will say so at once (a spawn error on pipes).
    if (run.info.status !== 'running' || run.info.rootPid <= 0) return { ...run.info };
    this.members.set(run.info.rootPid, { runId, startTime: run.info.rootStartTime });
    this.timers.set(
      runId,
      setTimeout(
        () => void this.stopRun(runId, `it ran longer than the ${Math.round(this.maxRunMs / 60_000)} minute limit`),
        this.maxRunMs,
      ).unref(),
    );
    this.options.live.setFocus(() => [...this.members.keys()]);
    this.options.broadcast('runChanged', { ...run.info });
    // Known as the run's own from now on: it may run (exec), and fork.
    run.release();
    return { ...run.info };
  }

  /** Adds the children and the tagged newcomers of every run; gives exits their status. */
  private onTick(tick: Tick): void {
    if (this.members.size === 0) return;
    for (const event of tick.diff.events) {
      if (event.kind === 'spawned') {
        const parent = this.members.get(event.ppid);
        const runId = parent?.runId ?? this.ownTagOf(event.pid);
        if (runId && this.runs.has(runId)) this.members.set(event.pid, { runId, startTime: event.startTime });
      } else if (event.kind === 'exited' && this.members.get(event.pid)?.startTime === event.startTime) {
        const known = this.exitOf(event.pid, event.startTime);
        if (known) Object.assign(event, { exitCode: known.code, signal: known.signal });
        this.members.delete(event.pid);
      }
    }
    for (const run of this.runs.values()) this.refreshRun(run);
  }

  /** Updates the run's live pids, enforces the cap, and tells clients when something changed. */
  private refreshRun(run: LabRun, statusChanged = false): void {
    const livePids = [...this.members.entries()].filter(([, m]) => m.runId === run.info.runId).map(([pid]) => pid);
    const changed = livePids.join() !== run.info.livePids.join();
    run.info.livePids = livePids;
    if (livePids.length > this.maxProcesses && run.info.stopReason === null) {
      void this.stopRun(run.info.runId, `it started more than ${this.maxProcesses} processes`);
    }
    if (livePids.length === 0) {
      clearTimeout(this.timers.get(run.info.runId));
      if (this.members.size === 0) this.options.live.setFocus(null);
    }
    if (changed || statusChanged) this.options.broadcast('runChanged', { ...run.info });
  }

  private groupsOf(runId: string): RunGroups {
    const run = this.run(runId);
    return {
      foreground: () => this.options.live.table.byPid.get(run.info.rootPid)?.tpgid,
      membersOf: (pgid) =>
        [...this.members.entries()]
          .filter(([pid, m]) => m.runId === runId && this.options.reader.read(pid)?.pgid === pgid)
          .map(([pid]) => pid),
    };
  }

  private ownTagOf(pid: number): string | undefined {
    const tag = readRunTag(pid);
    return tag && tag.ownerPid === process.pid ? tag.runId : undefined;
  }

  /** Every live process of a run: the known members and anything else carrying its tag. */
  private processesOf(runId: string): { pid: number; startTime: number }[] {
    const found = new Map<number, number>();
    for (const [pid, m] of this.members) if (m.runId === runId) found.set(pid, m.startTime);
    for (const pid of allPids()) {
      if (found.has(pid) || this.ownTagOf(pid) !== runId) continue;
      const identity = this.options.reader.read(pid);
      if (identity) found.set(pid, identity.startTime);
    }
    return [...found].map(([pid, startTime]) => ({ pid, startTime })).filter((t) => this.isAlive(t));
  }

  private isAlive(t: { pid: number; startTime: number }): boolean {
    return this.options.reader.isAlive(t.pid, t.startTime);
  }

  private signalPinned(t: { pid: number; startTime: number }, signal: NodeJS.Signals): void {
    signalPinned(this.options.reader, t, signal);
  }

  private run(runId: string): LabRun {
    const run = this.runs.get(runId);
    if (!run) throw new ProcLabFailure('INVALID_ARGUMENT', `no run ${runId}`);
    return run;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
