// The Linux sampler: reads /proc directly, keeping each /proc/PID/stat open so a tick is one pread each.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import { corePercents } from './corePercents';
import { KeptOpenFile, readWhole } from './KeptOpenFile';
import { LockedPages, type LockState } from './LockedPages';
import { parseCmdline } from './parseCmdline';
import { ownsMemory, PF_KTHREAD, parseStat, type StatFields } from './parseStat';
import { parseLoadavg, parseMeminfo, parseProcStat, parseUptime, type CpuTimes } from './parseSystemFiles';
import { countStates, type Sample, type Sampler } from './Sampler';
import { readKernelConstants, startTicksToEpochMs, type KernelConstants } from './readKernelConstants';
import { defaultKeptOpenCap } from './openFilesLimit';
import { round1, toProcessRecord } from './toProcessRecord';
import { UserNames } from './UserNames';

interface Entry extends LockState {
  /** Kept-open fd of /proc/PID/stat, or null past the fd cap (then open/read/close each tick). */
  fd: number | null;
  /** The stat bytes last parsed: an idle process reads the same bytes again, and is skipped. */
  raw: Buffer;
  record: ProcessRecord;
  cpuTicks: number;
  /** performance.now() of the last read: CPU% is over each process's own interval. */
  readAt: number;
  seenInTick: number;
  /** The command line read empty for a user process (mid-exec): read it again next tick. */
  cmdlineUnsettled: boolean;
}

export interface LinuxProcSamplerOptions {
  procRoot?: string;
  /** How many stat files may stay open at once; beyond it, files are opened per read. */
  maxKeptOpen?: number;
  /** How often each process's locked pages (ps's L) are read again; LOCKED_RECHECK_MS by default. */
  lockedRecheckMs?: number;
}

export class LinuxProcSampler implements Sampler {
  readonly kind = 'linux-proc' as const;
  private readonly procRoot: string;
  private readonly maxKeptOpen: number;
  private readonly constants: KernelConstants;
  private readonly users = new UserNames();
  private readonly locked: LockedPages;
  private readonly entries = new Map<number, Entry>();
  private readonly systemFiles: Record<'stat' | 'meminfo' | 'loadavg' | 'uptime', KeptOpenFile>;
  private readBuffer: Buffer = Buffer.allocUnsafe(1024);
  private readonly rowMaps = [new Map<number, ProcessRecord>(), new Map<number, ProcessRecord>()];
  private keptOpen = 0;
  private tick = 0;
  private previousCores: CpuTimes[] = [];
  private readonly euid = process.geteuid?.() ?? -1;

  constructor(options: LinuxProcSamplerOptions = {}) {
    this.procRoot = options.procRoot ?? '/proc';
    this.constants = readKernelConstants();
    this.maxKeptOpen = options.maxKeptOpen ?? defaultKeptOpenCap();
    this.locked = new LockedPages(this.procRoot, options.lockedRecheckMs);
    const open = (name: string) => new KeptOpenFile(`${this.procRoot}/${name}`, 16384);
    this.systemFiles = {
      stat: open('stat'),
      meminfo: open('meminfo'),
      loadavg: open('loadavg'),
      uptime: open('uptime'),
    };
  }

  /**
   * With `focus`, only those pids and new ones are read; every other known process keeps its
   * previous record (a cheap 10 Hz look at the lab's processes between full samples).
   */
  sample(focus?: ReadonlySet<number>): Sample {
    this.tick += 1;
    const takenAt = Date.now();
    const now = performance.now();

    const procStat = parseProcStat(this.systemFiles.stat.read());
    const memInfo = parseMeminfo(this.systemFiles.meminfo.read());
    const previousCores = this.previousCores;
    this.previousCores = procStat.cores;
    const context: RecordContext = {
      now,
      takenAt,
      bootTimeMs: procStat.bootTimeSeconds * 1000,
      memTotalBytes: memInfo.totalBytes,
    };

    // Two maps used in turn: the previous sample's rows stay intact for the diff, and no new
    // map of thousands of entries is allocated every tick.
    const rows = this.rowMaps[this.tick % 2]!;
    rows.clear();
    for (const name of readdirSync(this.procRoot)) {
      const first = name.charCodeAt(0);
      if (first < 48 || first > 57) continue;
      const pid = Number(name);
      const known = focus && !focus.has(pid) ? this.entries.get(pid) : undefined;
      if (known) {
        known.seenInTick = this.tick;
        rows.set(pid, known.record);
        continue;
      }
      const record = this.sampleProcess(pid, context);
      if (record) rows.set(record.pid, record);
    }
    this.sweep();

    const summary = {
      takenAt,
      processCount: rows.size,
      ...countStates(rows),
      loadAverage: parseLoadavg(this.systemFiles.loadavg.read()),
      cpuPerCore: corePercents(previousCores, procStat.cores),
      memTotalBytes: memInfo.totalBytes,
      memUsedBytes: memInfo.totalBytes - memInfo.availableBytes,
      uptimeSeconds: parseUptime(this.systemFiles.uptime.read()),
    };
    return { rows, summary };
  }

  close(): void {
    for (const entry of this.entries.values()) this.closeEntry(entry);
    this.entries.clear();
    for (const file of Object.values(this.systemFiles)) file.close();
  }

  /** One process: reuse the previous record when its stat text did not change. */
  private sampleProcess(pid: number, context: RecordContext): ProcessRecord | null {
    let entry = this.entries.get(pid);
    const length = entry ? this.readEntry(entry) : -1;
    if (entry && length < 0) {
      // The kept fd points at a process that is gone; the pid listed now may be a new one.
      this.closeEntry(entry);
      this.entries.delete(pid);
      entry = undefined;
    }
    if (!entry) return this.sampleNewProcess(pid, context);
    entry.seenInTick = this.tick;
    // Comparing bytes spares decoding and parsing (and the garbage) for every idle process.
    const buffer = this.readBuffer;
    const unchanged = length === entry.raw.length && buffer.compare(entry.raw, 0, length, 0, length) === 0;
    if (!unchanged) entry.ranSinceLockedRead = true;
    const lockChanged = this.locked.recheckIfDue(pid, entry, context.now);
    if (unchanged && entry.record.cpuPercent === 0 && !entry.cmdlineUnsettled && !lockChanged) return entry.record;
    const fields = parseStat(buffer.toString('utf8', 0, length));
    if (!fields) return null;
    if (this.startTimeMs(fields, context) !== entry.record.startTime) {
      // Same pid, another process (only possible on the open-per-read path).
      this.closeEntry(entry);
      this.entries.delete(pid);
      return this.sampleNewProcess(pid, context);
    }
    const cpuTicks = fields.utimeTicks + fields.stimeTicks;
    const elapsedSeconds = (context.now - entry.readAt) / 1000;
    const cpuPercent = elapsedSeconds > 0 ? this.ticksToPercent(cpuTicks - entry.cpuTicks, elapsedSeconds) : 0;
    entry.readAt = context.now;
    const previous = entry.record;
    const reread = fields.comm !== previous.comm || entry.cmdlineUnsettled;
    const cmdline = reread ? this.readCmdline(pid, previous.cmdline) : previous.cmdline;
    // Mid-exec the new argv may not be in place yet: after a rename, read it once more next tick.
    entry.cmdlineUnsettled = fields.comm !== previous.comm || isUnsettled(cmdline, fields);
    entry.raw = Buffer.from(buffer.subarray(0, length));
    entry.cpuTicks = cpuTicks;
    entry.record = this.toRecord(fields, previous.uid, cmdline, cpuPercent, entry.lockedPages, context);
    return entry.record;
  }

  private sampleNewProcess(pid: number, context: RecordContext): ProcessRecord | null {
    const path = `${this.procRoot}/${pid}/stat`;
    let fd: number | null = null;
    let uid: number;
    let raw: Buffer;
    try {
      if (this.keptOpen < this.maxKeptOpen) {
        fd = openSync(path, 'r');
        this.keptOpen += 1;
        uid = fstatSync(fd).uid;
        const length = this.readFd(fd); // may grow readBuffer: read it only afterwards
        raw = Buffer.from(this.readBuffer.subarray(0, length));
      } else {
        uid = statSync(`${this.procRoot}/${pid}`).uid;
        raw = readFileSync(path);
      }
    } catch {
      // Vanished between readdir and open: normal, not an error.
      if (fd !== null) this.closeFd(fd);
      return null;
    }
    const fields = parseStat(raw.toString('utf8'));
    if (!fields) {
      if (fd !== null) this.closeFd(fd);
      return null;
    }
    const cpuTicks = fields.utimeTicks + fields.stimeTicks;
    // First sight: the lifetime average, as ps computes %CPU.
    const ageSeconds = (context.takenAt - this.startTimeMs(fields, context)) / 1000;
    const cpuPercent = ageSeconds > 0 ? this.ticksToPercent(cpuTicks, ageSeconds) : 0;
    const cmdline = fields.flags & PF_KTHREAD ? [] : this.readCmdline(pid, []);
    // Kernel threads never own memory to lock: their status is never read.
    const lock = this.locked.firstRead(pid, ownsMemory(fields), context.now);
    const record = this.toRecord(fields, uid, cmdline, cpuPercent, lock.lockedPages, context);
    this.entries.set(pid, {
      fd,
      raw,
      record,
      cpuTicks,
      readAt: context.now,
      seenInTick: this.tick,
      cmdlineUnsettled: isUnsettled(cmdline, fields),
      ...lock,
    });
    return record;
  }

  private toRecord(
    f: StatFields,
    uid: number,
    cmdline: string[],
    cpuPercent: number,
    lockedOnRead: boolean,
    context: RecordContext,
  ): ProcessRecord {
    const startTime = this.startTimeMs(f, context);
    const user = this.users.nameOf(uid);
    const { memTotalBytes } = context;
    // A zombie has released its memory: ps shows no L on it even if it was locked.
    const lockedPages = lockedOnRead && ownsMemory(f);
    // The kernel writes 0 in place of a zombie's exit status for a reader without ptrace read
    // access: trusted for our own user's processes (a zombie has no memory, so no dumpable
    // check), or all of them as root.
    const exitStatusVisible = this.euid === 0 || uid === this.euid;
    const inputs = { uid, user, cmdline, cpuPercent, startTime, memTotalBytes, lockedPages, exitStatusVisible };
    return toProcessRecord(f, inputs, this.constants);
  }

  private startTimeMs(f: StatFields, context: RecordContext): number {
    return startTicksToEpochMs(context.bootTimeMs, f.startTicks, this.constants.clockTicks);
  }

  private ticksToPercent(ticks: number, seconds: number): number {
    return round1((ticks / this.constants.clockTicks / seconds) * 100);
  }

  /** Reads the stat bytes into readBuffer; returns their length, or -1 once the process is gone. */
  private readEntry(entry: Entry): number {
    try {
      if (entry.fd !== null) return this.readFd(entry.fd);
      const bytes = readFileSync(`${this.procRoot}/${entry.record.pid}/stat`);
      if (bytes.length > this.readBuffer.length) this.readBuffer = Buffer.allocUnsafe(bytes.length * 2);
      bytes.copy(this.readBuffer);
      return bytes.length;
    } catch {
      return -1;
    }
  }

  private readFd(fd: number): number {
    return readWhole(
      fd,
      () => this.readBuffer,
      (bigger) => (this.readBuffer = bigger),
    );
  }

  private readCmdline(pid: number, fallback: string[]): string[] {
    try {
      return parseCmdline(readFileSync(`${this.procRoot}/${pid}/cmdline`, 'utf8'));
    } catch {
      return fallback;
    }
  }

  /** Forget the processes not listed in this tick (mark-and-sweep). */
  private sweep(): void {
    for (const [pid, entry] of this.entries) {
      if (entry.seenInTick !== this.tick) {
        this.closeEntry(entry);
        this.entries.delete(pid);
      }
    }
  }

  private closeEntry(entry: Entry): void {
    if (entry.fd !== null) this.closeFd(entry.fd);
    entry.fd = null;
  }

  private closeFd(fd: number): void {
    closeSync(fd);
    this.keptOpen -= 1;
  }
}

interface RecordContext {
  now: number;
  takenAt: number;
  bootTimeMs: number;
  memTotalBytes: number;
}

/** A process with memory of its own reads an empty cmdline only for an instant inside exec. */
function isUnsettled(cmdline: string[], f: StatFields): boolean {
  return cmdline.length === 0 && ownsMemory(f);
}
