// The Linux sampler: reads /proc directly, keeping one file of each process open so a tick is one
// pread each: its schedstat when that tells whether its stat must be read, else its stat.
import { readdirSync, readFileSync } from 'node:fs';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import { GoneParents } from './GoneParents';
import { LockedPages } from './LockedPages';
import { parseCmdline } from './parseCmdline';
import { ownsMemory, PF_KTHREAD, parseStat } from './parseStat';
import { isUnsettled, type ProcessEntry } from './ProcessEntry';
import { RecordBuilder, type RecordContext } from './RecordBuilder';
import type { Sample, Sampler } from './Sampler';
import { defaultKeptOpenCap } from './openFilesLimit';
import { StatBytes } from './StatBytes';
import { StatFiles } from './StatFiles';
import { NewPidWatch } from './NewPidWatch';
import { IDLE_REREAD_MS, mayBeSkipped, SchedstatGate } from './SchedstatGate';
import { SystemFiles } from './SystemFiles';

const NONE: ReadonlySet<number> = new Set();

export interface LinuxProcSamplerOptions {
  procRoot?: string;
  /** How many /proc files may stay open at once; beyond it, files are opened per read. */
  maxKeptOpen?: number;
  /** How often each process's locked pages (ps's L) are read again; LOCKED_RECHECK_MS by default. */
  lockedRecheckMs?: number;
}

export class LinuxProcSampler implements Sampler {
  readonly kind = 'linux-proc' as const;
  private readonly procRoot: string;
  private readonly records = new RecordBuilder();
  private readonly locked: LockedPages;
  private readonly entries = new Map<number, ProcessEntry>();
  private readonly systemFiles: SystemFiles;
  private readonly rowMaps = [new Map<number, ProcessRecord>(), new Map<number, ProcessRecord>()];
  private tick = 0;
  private readonly newPids: NewPidWatch;
  private readonly gate: SchedstatGate;
  /** Pids to read whole at the next sample whatever the gate says (ProcLab reniced them). */
  private stale: ReadonlySet<number> = new Set();
  private readonly goneParents = new GoneParents();
  private readonly files: StatFiles;

  constructor(options: LinuxProcSamplerOptions = {}) {
    this.procRoot = options.procRoot ?? '/proc';
    this.files = new StatFiles(this.procRoot, options.maxKeptOpen ?? defaultKeptOpenCap());
    this.locked = new LockedPages(this.procRoot, options.lockedRecheckMs);
    this.gate = new SchedstatGate(this.procRoot);
    this.systemFiles = new SystemFiles(this.procRoot);
    this.newPids = new NewPidWatch(`${this.procRoot}/loadavg`);
  }

  /**
   * With `focus`, only those pids and new ones are read; every other known process keeps its
   * previous record (a cheap 10 Hz look at the lab's processes between full samples). `stale`
   * pids are read whole, even if they did not run.
   */
  sample(focus?: ReadonlySet<number>, stale?: ReadonlySet<number>): Sample {
    this.tick += 1;
    this.stale = stale ?? NONE;
    const takenAt = Date.now();
    const now = performance.now();

    const system = this.systemFiles.read();
    const context: RecordContext = { now, takenAt, bootTimeMs: system.bootTimeMs, memTotalBytes: system.memTotalBytes };

    // Two maps used in turn, each updated in place from two ticks ago: the previous sample's rows
    // stay intact for the diff, and no map of thousands of entries is grown anew every tick
    // (clearing one frees its table, and growing it back left a quarter of a MiB of garbage per
    // tick at 5,000 processes, most of it in V8's large-object space).
    const rows = this.rowMaps[this.tick % 2]!;
    // A focused sample lists /proc always: the processes it does not read are known gone only by
    // their absence. Otherwise, with no new pid, the previous sample's pids are the list (a gone
    // one fails its read).
    const list = focus !== undefined || this.newPids.mustList(system.lastPid);
    if (list) {
      for (const name of readdirSync(this.procRoot)) {
        const first = name.charCodeAt(0);
        if (first >= 48 && first <= 57) this.visit(Number(name), rows, context, focus);
      }
    } else {
      for (const pid of this.rowMaps[(this.tick + 1) % 2]!.keys()) this.visit(pid, rows, context);
    }
    // loadavg was read before the listing: a process started during it makes a later sample list.
    this.newPids.sampled(list, system.lastPid);
    this.sweep(rows);
    this.readOrphansAgain(rows, context, focus === undefined);

    return { rows, summary: this.systemFiles.summarize(system, rows, takenAt) };
  }

  /** Puts the process's row in `rows`, or takes it out if it cannot be read. */
  private visit(
    pid: number,
    rows: Map<number, ProcessRecord>,
    context: RecordContext,
    focus?: ReadonlySet<number>,
  ): void {
    const known = focus && !focus.has(pid) && !this.stale.has(pid) ? this.entries.get(pid) : undefined;
    if (known) {
      known.seenInTick = this.tick;
      rows.set(pid, known.record);
      return;
    }
    const record = this.sampleProcess(pid, context);
    if (record) rows.set(pid, record);
    else rows.delete(pid);
  }

  close(): void {
    for (const entry of this.entries.values()) this.closeEntry(entry);
    this.entries.clear();
    this.systemFiles.close();
  }

  /** One process: reuse the previous record when it did not run, or its stat text did not change. */
  private sampleProcess(pid: number, context: RecordContext): ProcessRecord | null {
    let entry = this.entries.get(pid);
    if (entry && this.sleptThrough(entry, context.now)) {
      entry.seenInTick = this.tick;
      entry.skippedInTick = this.tick;
      // It did not run: no CPU time to count until now.
      entry.readAt = context.now;
      return entry.record;
    }
    const length = entry ? this.files.readEntry(entry) : -1;
    if (entry && length < 0) {
      // The kept fd points at a process that is gone; the pid listed now may be a new one.
      this.forget(entry);
      entry = undefined;
    }
    if (!entry) return this.sampleNewProcess(pid, context);
    entry.seenInTick = this.tick;
    entry.wholeReadDueAt = context.now + IDLE_REREAD_MS;
    // Comparing bytes spares decoding and parsing (and the garbage) for every idle process.
    const buffer = this.files.buffer;
    const unchanged = entry.stat.equals(buffer, length);
    if (!unchanged) entry.ranSinceLockedRead = true;
    const lockChanged = this.locked.recheckIfDue(pid, entry, context.now);
    if (unchanged && entry.record.cpuPercent === 0 && !entry.cmdlineUnsettled && !lockChanged) return entry.record;
    const fields = parseStat(buffer.toString('utf8', 0, length));
    if (!fields) return null;
    if (this.records.startTimeMs(fields, context) !== entry.record.startTime) {
      // Same pid, another process (only possible on the open-per-read path).
      this.forget(entry);
      return this.sampleNewProcess(pid, context);
    }
    if (fields.state === 'Z' && entry.record.state !== 'Z') this.goneParents.add(pid);
    const cpuTicks = fields.utimeTicks + fields.stimeTicks;
    const elapsedSeconds = (context.now - entry.readAt) / 1000;
    const cpuPercent = elapsedSeconds > 0 ? this.records.ticksToPercent(cpuTicks - entry.cpuTicks, elapsedSeconds) : 0;
    entry.readAt = context.now;
    const previous = entry.record;
    // An exec renames the process, or at least moves its argv (a launcher running the same program).
    const renamed = fields.comm !== previous.comm;
    const execed = renamed || fields.argvAddress !== entry.argvAddress;
    entry.argvAddress = fields.argvAddress;
    const cmdline = execed || entry.cmdlineUnsettled ? this.readCmdline(pid, previous.cmdline) : previous.cmdline;
    // Mid-exec the new argv may not be in place yet: after a rename, read it once more next tick.
    entry.cmdlineUnsettled = renamed || isUnsettled(cmdline, fields);
    entry.stat.keep(buffer, length);
    entry.cpuTicks = cpuTicks;
    entry.record = this.records.build(fields, previous.uid, cmdline, cpuPercent, entry.lockedPages, context);
    return entry.record;
  }

  private sampleNewProcess(pid: number, context: RecordContext): ProcessRecord | null {
    // Opened before stat is read: a run in between would otherwise go unseen.
    let runCount = this.files.hasRoom ? this.gate.open(pid) : null;
    if (runCount) this.files.counted();
    const opened = this.files.openNew(pid);
    if (!opened) {
      if (runCount) this.files.close(runCount.fd);
      return null;
    }
    const { fd, uid } = opened;
    const stat = new StatBytes(this.files.buffer, opened.length);
    const fields = parseStat(stat.toString());
    if (runCount && !(fields && mayBeSkipped(fields.threads, fields.ttyNr !== 0))) {
      this.files.close(runCount.fd);
      runCount = null;
    }
    // One file kept per process: its schedstat when the gate may skip it, else its stat.
    const keptFd = this.files.keep(fd, fields !== null && !runCount);
    if (!fields) return null;
    const cpuTicks = fields.utimeTicks + fields.stimeTicks;
    // First sight: the lifetime average, as ps computes %CPU.
    const ageSeconds = (context.takenAt - this.records.startTimeMs(fields, context)) / 1000;
    const cpuPercent = ageSeconds > 0 ? this.records.ticksToPercent(cpuTicks, ageSeconds) : 0;
    const cmdline = fields.flags & PF_KTHREAD ? [] : this.readCmdline(pid, []);
    // Kernel threads never own memory to lock: their status is never read.
    const lock = this.locked.firstRead(pid, ownsMemory(fields), context.now);
    const record = this.records.build(fields, uid, cmdline, cpuPercent, lock.lockedPages, context);
    this.entries.set(pid, {
      fd: keptFd,
      stat,
      record,
      cpuTicks,
      readAt: context.now,
      seenInTick: this.tick,
      cmdlineUnsettled: isUnsettled(cmdline, fields),
      argvAddress: fields.argvAddress,
      runCount,
      // Spread over one more period by pid, so the first sample's thousands are not all due at once.
      wholeReadDueAt: context.now + IDLE_REREAD_MS * (1 + (pid % 64) / 64),
      skippedInTick: 0,
      ...lock,
    });
    return record;
  }

  /**
   * Whether the process can keep its record without a read of its stat: it did not run since it
   * was last looked at, and nothing that changes without it running is due a look.
   */
  private sleptThrough(entry: ProcessEntry, now: number): boolean {
    const record = entry.record;
    if (entry.runCount && !mayBeSkipped(record.threads, record.tty !== null)) {
      this.files.close(entry.runCount.fd);
      entry.runCount = null;
    }
    if (!entry.runCount) return false;
    // Looked at whenever it is there, so the next look compares with the latest stat read.
    if (this.gate.ran(entry.runCount)) {
      entry.ranSinceLockedRead = true;
      return false;
    }
    if (record.cpuPercent !== 0 || entry.cmdlineUnsettled || now >= entry.wholeReadDueAt) return false;
    // Its VmLck is due a read if it ran since the last one (mlock(2) takes running); else it waits.
    if (this.stale.has(record.pid) || (now >= entry.lockedCheckAt && entry.ranSinceLockedRead)) return false;
    this.locked.postpone(entry, now);
    return true;
  }

  /**
   * A child is reparented when its parent exits, without running itself: the children of the
   * processes that exited this tick or the last one, skipped by the gate, are read whole now.
   */
  private readOrphansAgain(rows: Map<number, ProcessRecord>, context: RecordContext, fullTick: boolean): void {
    const orphans: ProcessEntry[] = [];
    if (this.goneParents.any) {
      for (const entry of this.entries.values()) {
        if (entry.skippedInTick === this.tick && this.goneParents.has(entry.record.ppid)) orphans.push(entry);
      }
    }
    for (const entry of orphans) {
      const pid = entry.record.pid;
      entry.wholeReadDueAt = 0;
      const record = this.sampleProcess(pid, context);
      if (record) rows.set(pid, record);
      else rows.delete(pid);
    }
    if (fullTick) this.goneParents.endFullTick();
  }

  private readCmdline(pid: number, fallback: string[]): string[] {
    try {
      return parseCmdline(readFileSync(`${this.procRoot}/${pid}/cmdline`, 'utf8'));
    } catch {
      return fallback;
    }
  }

  /** Forget the processes not listed in this tick (mark-and-sweep), and drop their rows. */
  private sweep(rows: Map<number, ProcessRecord>): void {
    for (const entry of this.entries.values()) if (entry.seenInTick !== this.tick) this.forget(entry);
    for (const pid of rows.keys()) if (this.entries.get(pid)?.seenInTick !== this.tick) rows.delete(pid);
  }

  /** The process is gone (or its pid names another one now): its children, if any, were reparented. */
  private forget(entry: ProcessEntry): void {
    this.closeEntry(entry);
    this.entries.delete(entry.record.pid);
    this.goneParents.add(entry.record.pid);
  }

  private closeEntry(entry: ProcessEntry): void {
    if (entry.fd !== null) this.files.close(entry.fd);
    entry.fd = null;
    if (entry.runCount) this.files.close(entry.runCount.fd);
    entry.runCount = null;
  }
}
