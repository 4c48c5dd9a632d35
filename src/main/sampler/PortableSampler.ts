// The portable sampler for systems without /proc (macOS): ps-list for the table, pidusage for CPU time.
import os from 'node:os';
import pidusage from 'pidusage';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import { corePercents } from './corePercents';
import type { CpuTimes } from './parseSystemFiles';
import { countStates, type Sample, type Sampler } from './Sampler';

type PidUsage = { cpu: number; memory: number; ctime: number; elapsed: number; timestamp: number };

/** Two readings of a pid's start time further apart than this belong to two processes. */
const SAME_START_MS = 1500;

function coreTimes(): CpuTimes[] {
  return os.cpus().map(({ times }) => {
    const total = times.user + times.nice + times.sys + times.idle + times.irq;
    return { busy: total - times.idle, total };
  });
}

/**
 * ps-list and pidusage do not report process groups, sessions, terminals, states or nice
 * values: those fields hold neutral values (0, null, '?') documented in docs/api.md.
 */
export class PortableSampler implements Sampler {
  readonly kind = 'portable' as const;
  private previousCores = coreTimes();
  private readonly me = os.userInfo();
  /** The start time first seen for each pid of the previous sample (see startTimeOf). */
  private startTimes = new Map<number, number>();

  async sample(): Promise<Sample> {
    const { default: psList } = await import('ps-list');
    const listed = await psList();
    // A pid that exited between the two calls makes pidusage fail as a whole: CPU time is then unknown.
    const usage: Record<string, PidUsage> = await pidusage(listed.map((p) => p.pid)).catch(() => ({}));
    const takenAt = Date.now();
    const memTotalBytes = os.totalmem();
    const rows = new Map<number, ProcessRecord>();
    const startTimes = new Map<number, number>();
    for (const p of listed) {
      // The ps that ps-list (and pidusage, on macOS) ran for this very sample: not the machine's.
      if (p.ppid === process.pid && p.name === 'ps') continue;
      const use = usage[String(p.pid)];
      const startTime = this.startTimeOf(p.pid, p.startTime?.getTime() ?? (use && use.timestamp - use.elapsed));
      startTimes.set(p.pid, startTime);
      const rssBytes = use?.memory ?? Math.round(((p.memory ?? 0) / 100) * memTotalBytes);
      rows.set(p.pid, {
        pid: p.pid,
        ppid: p.ppid,
        pgid: 0,
        sid: 0,
        tty: null,
        tpgid: -1,
        uid: p.uid ?? -1,
        user: p.uid === this.me.uid ? this.me.username : String(p.uid ?? '?'),
        state: '?',
        stat: '?',
        nice: 0,
        priority: 0,
        threads: 1,
        cpuPercent: Math.round((use?.cpu ?? p.cpu ?? 0) * 10) / 10,
        memPercent: Math.round((rssBytes / memTotalBytes) * 1000) / 10,
        rssBytes,
        vszBytes: 0,
        startTime,
        cpuTimeMs: use?.ctime ?? 0,
        comm: p.name,
        cmdline: p.cmd ? p.cmd.split(' ') : [],
        kernelThread: false,
        exitStatus: null,
      });
    }
    this.startTimes = startTimes; // pids not listed any more are forgotten (mark and sweep)
    const cores = coreTimes();
    const cpuPerCore = corePercents(this.previousCores, cores);
    this.previousCores = cores;
    const [one = 0, five = 0, fifteen = 0] = os.loadavg();
    return {
      rows,
      summary: {
        takenAt,
        processCount: rows.size,
        ...countStates(rows),
        loadAverage: [one, five, fifteen],
        cpuPerCore,
        memTotalBytes,
        memUsedBytes: memTotalBytes - os.freemem(),
        uptimeSeconds: os.uptime(),
      },
    };
  }

  close(): void {
    pidusage.clear();
  }

  /**
   * ps's lstart (whole seconds) when ps-list could read it, else pidusage's `timestamp -
   * elapsed`, which moves by tens of milliseconds from one call to the next. A start time read
   * afresh every tick would make every process look new, so the first one seen for a pid is
   * kept; a reading further away than SAME_START_MS is another process on a reused pid.
   */
  private startTimeOf(pid: number, reading: number | undefined): number {
    const kept = this.startTimes.get(pid);
    if (reading === undefined) return kept ?? 0;
    return kept !== undefined && Math.abs(reading - kept) <= SAME_START_MS ? kept : Math.round(reading);
  }
}
