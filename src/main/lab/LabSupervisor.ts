// The lab supervisor: starts demo programs and the user's own commands as its children, owns every
// process of each run (through LabProcessTracker), enforces caps, stops them all: on request, on
// quit, and what an earlier ProcLab left behind; and forgets old finished runs.
import { randomBytes } from 'node:crypto';
import { ProcLabFailure } from '../../shared/contract/errors';
import type { EventPayloads } from '../../shared/contract/methods';
import type { EventName } from '../../shared/contract/names';
import type { DemoInfo, Leftover, RunInfo, RunLanguage, RunOutputSnapshot } from '../../shared/model/Lab';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import type { WorkerEntry } from '../sampler/SamplerThread';
import type { LiveTable } from '../service/LiveTable';
import type { LabMembership } from '../signals/SignalSender';
import { withoutRunAsNode } from '../withoutRunAsNode';
import { describeDemos, loadDemos, type DemoDefinition } from './demoCatalog';
import { DemoRuntimes } from './demoRuntimes';
import { ExitLog } from './ExitLog';
import { Leftovers } from './Leftovers';
import { LabProcessTracker } from './LabProcessTracker';
import { LabRun } from './LabRun';
import { terminalHelper } from './PtyProcess';
import type { TerminalSize } from './RunProcess';
import type { WatchedProcess } from './LabTreePoller';
import { defaultRecordsDir } from './RunRecords';
import { withLanguage } from './runLanguage';
import { commandLaunch, demoLaunch, type RunLaunch } from './runLaunch';
import { runGroups, signalRunMember } from './signalRun';
import { formatRunTag, RUN_TAG_VARIABLE, type OwnerIdentity } from './runTag';
import { stopRuns } from './stopRuns';
import { pressKey, typeInto, type KeyPress, type RunGroups, type TerminalKey } from './terminalKeys';

export interface LabSupervisorOptions {
  live: LiveTable;
  reader: ProcIdentityReader;
  demosDir: string;
  /** The lab watcher thread's code (labWatcherWorker). */
  watcherEntry: WorkerEntry;
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
  /** Finished runs kept (with their output) for windows that open later; older ones are forgotten. */
  maxFinishedRuns?: number;
  /** How long the watchers outlive the last process of every run (WATCHERS_LINGER_MS). */
  watchersLingerMs?: number;
  /** Where run records are kept for a restart to find (defaultRecordsDir()). */
  recordsDir?: string;
}

export class LabSupervisor implements LabMembership {
  readonly demos: DemoDefinition[];
  private readonly runs = new Map<string, LabRun>();
  private readonly exits = new ExitLog();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly owner: OwnerIdentity;
  private readonly tracker: LabProcessTracker;
  private readonly leftovers: Leftovers;
  private readonly runtimes: DemoRuntimes;
  private readonly maxProcesses: number;
  private readonly maxRunMs: number;
  private readonly graceMs: number;
  private readonly maxFinished: number;

  constructor(private readonly options: LabSupervisorOptions) {
    this.demos = loadDemos(options.demosDir);
    this.runtimes = options.runtimes ?? new DemoRuntimes();
    this.maxProcesses = options.maxProcessesPerRun ?? 64;
    this.maxRunMs = options.maxRunMs ?? 15 * 60_000;
    this.graceMs = options.stopGraceMs ?? 2_000;
    this.maxFinished = options.maxFinishedRuns ?? 20;
    this.owner = { pid: process.pid, startTicks: options.reader.startTicks(process.pid) };
    this.tracker = new LabProcessTracker({
      live: options.live,
      reader: options.reader,
      watcherEntry: options.watcherEntry,
      owner: this.owner,
      recordsDir: options.recordsDir ?? defaultRecordsDir(),
      exits: this.exits,
      hasRun: (runId) => this.runs.has(runId),
      active: () => this.runs.size > 0,
      lingerMs: options.watchersLingerMs,
      busy: () => [...this.runs.values()].some((run) => run.info.status === 'running'),
      firstRunStart: () =>
        Math.min(...[...this.runs.values()].filter((r) => r.info.rootPid > 0).map((r) => r.info.rootStartTime)),
      onChange: () => this.refreshRuns(),
    });
    this.leftovers = new Leftovers(options.reader, this.tracker.records, this.owner, this.graceMs);
  }

  /** Finds the demos' runtimes ahead of the first listDemos, off the event loop. */
  prepare(): Promise<void> {
    return this.runtimes.prepare();
  }

  /** The demos in the course's order, each edition saying whether it can run here now. */
  listDemos(): DemoInfo[] {
    return describeDemos(this.demos, this.runtimes);
  }

  /** Runs the demo's first edition whose programs are found (Python first), printing in `language`. */
  startDemo(demoId: string, language?: RunLanguage): Promise<RunInfo> {
    return this.start(demoLaunch(this.demos, demoId, this.runtimes, this.options.demosDir), language);
  }

  runCommand(commandLine: string, cwd: string, language?: RunLanguage): Promise<RunInfo> {
    return this.start(commandLaunch(commandLine, cwd), language);
  }

  /** Every run, its live processes read from /proc just now. */
  listRuns(): RunInfo[] {
    this.refreshRuns();
    return [...this.runs.values()].map((run) => ({ ...run.info }));
  }

  /** Every run with its processes as the lab knows them (pinned by pid and start time), from memory. */
  runsWithMembers(): { run: RunInfo; members: WatchedProcess[] }[] {
    const all = this.tracker.members.all();
    return [...this.runs.values()].map(({ info }) => ({
      run: info,
      members: all.filter((m) => m.runId === info.runId),
    }));
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
   * is still there or was born meanwhile, until a fresh look finds none.
   */
  async stopRun(runId: string, reason = 'stopped from ProcLab'): Promise<RunInfo> {
    const run = this.run(runId);
    await this.stop([run], reason);
    return { ...run.info };
  }

  /** Every run at once: one look through /proc for all of them, not one per run. */
  async shutdown(): Promise<void> {
    if (this.runs.size > 0) await this.stop([...this.runs.values()], 'ProcLab is closing');
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.all([this.tracker.close(), ...[...this.runs.values()].map((run) => run.close())]);
  }

  /** Last resort on process exit, when nothing can be awaited. */
  killAllNow(): void {
    for (const member of this.tracker.members.all()) this.signalMember(member, 'SIGKILL');
  }

  /** Processes of runs of an earlier ProcLab that is no longer running (it was SIGKILLed). */
  findLeftovers(): Leftover[] {
    return this.leftovers.find();
  }

  cleanLeftovers(): Promise<{ ended: number }> {
    return this.leftovers.end();
  }

  /** The process (pid, start time), checked by the caller against /proc just now, is a lab process. */
  isLabProcess(pid: number, startTime: number): boolean {
    return this.tracker.members.runOf(pid, startTime) !== undefined;
  }

  exitOf(pid: number, startTime: number) {
    return this.exits.of(pid, startTime);
  }

  private async start({ demoId, argv, cwd, edition }: RunLaunch, language: RunLanguage | undefined): Promise<RunInfo> {
    // The watchers run before the program does, so even its first fork is followed.
    await this.tracker.start();
    const runId = randomBytes(4).toString('hex');
    // LANGUAGE: the UI's language, which the demos (and gettext programs) print in.
    const inherited = withLanguage(withoutRunAsNode(process.env), language);
    const env = edition ? this.runtimes.environmentFor(edition.runtime, inherited) : inherited;
    const run = new LabRun(
      {
        runId,
        demoId,
        edition,
        argv,
        cwd,
        env,
        tag: { name: RUN_TAG_VARIABLE, value: formatRunTag({ owner: this.owner, runId }) },
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
    const { rootPid, rootStartTime } = run.info;
    this.tracker.adopt({ pid: rootPid, startTime: rootStartTime, runId });
    this.timers.set(
      runId,
      setTimeout(
        () => void this.stopRun(runId, `it ran longer than the ${Math.round(this.maxRunMs / 60_000)} minute limit`),
        this.maxRunMs,
      ).unref(),
    );
    this.options.broadcast('runChanged', { ...run.info });
    // Known as the run's own from now on: it may run (exec), and fork.
    run.release();
    return { ...run.info };
  }

  private refreshRuns(): void {
    for (const run of this.runs.values()) this.refreshRun(run);
  }

  /** Updates the run's live pids from /proc, enforces the cap, and tells clients what changed. */
  private refreshRun(run: LabRun, statusChanged = false): void {
    const livePids = this.tracker.members.ofRun(run.info.runId).map((m) => m.pid);
    const changed = livePids.join() !== run.info.livePids.join();
    run.info.livePids = livePids;
    if (livePids.length > this.maxProcesses && run.info.stopReason === null) {
      void this.stopRun(run.info.runId, `it started more than ${this.maxProcesses} processes`);
    }
    if (livePids.length === 0) {
      clearTimeout(this.timers.get(run.info.runId));
      this.timers.delete(run.info.runId);
      this.tracker.settle();
    }
    if (changed || statusChanged) this.options.broadcast('runChanged', { ...run.info });
    if (livePids.length === 0 && run.info.status !== 'running') this.forgetOldRuns();
  }

  /** Finished runs beyond the last maxFinishedRuns are forgotten, with their output. */
  private forgetOldRuns(): void {
    const finished = [...this.runs.values()].filter((r) => r.info.status !== 'running' && r.info.livePids.length === 0);
    for (const run of finished.slice(0, Math.max(0, finished.length - this.maxFinished))) {
      this.runs.delete(run.info.runId);
    }
  }

  private async stop(runs: LabRun[], reason: string): Promise<void> {
    const how = { tracker: this.tracker, signal: this.signalMember.bind(this), graceMs: this.graceMs };
    for (const run of await stopRuns(runs, reason, how)) this.refreshRun(run, true);
  }

  private groupsOf(runId: string): RunGroups {
    const run = this.run(runId);
    return runGroups(run, () => this.tracker.members.ofRun(runId), this.options.live, this.options.reader);
  }

  private signalMember(target: WatchedProcess, signal: NodeJS.Signals): void {
    signalRunMember(this.runs.get(target.runId), target, signal, this.options.reader);
  }

  private run(runId: string): LabRun {
    const run = this.runs.get(runId);
    if (!run) throw new ProcLabFailure('INVALID_ARGUMENT', `no run ${runId}`);
    return run;
  }
}
