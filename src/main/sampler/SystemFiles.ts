// The machine-wide part of a sample: /proc/stat, meminfo, loadavg and uptime, each kept open and
// read with one pread a tick; each core's busy share is over the time since the previous read.
import type { ProcessRecord, SystemSummary } from '../../shared/model/ProcessRecord';
import { corePercents } from './corePercents';
import { KeptOpenFile } from './KeptOpenFile';
import { parseLoadavg, parseMeminfo, parseProcStat, parseUptime, type CpuTimes } from './parseSystemFiles';
import { countStates } from './Sampler';

export interface SystemReading {
  bootTimeMs: number;
  memTotalBytes: number;
  memAvailableBytes: number;
  cpuPerCore: number[];
  loadAverage: [number, number, number];
  /** The pid handed out last: while it stays the same, no process can have started. */
  lastPid: number;
}

export class SystemFiles {
  private readonly files: Record<'stat' | 'meminfo' | 'loadavg' | 'uptime', KeptOpenFile>;
  private previousCores: CpuTimes[] = [];

  constructor(procRoot: string) {
    const open = (name: string) => new KeptOpenFile(`${procRoot}/${name}`, 16384);
    this.files = { stat: open('stat'), meminfo: open('meminfo'), loadavg: open('loadavg'), uptime: open('uptime') };
  }

  /** Read before the processes: each record needs the boot time and the memory total. */
  read(): SystemReading {
    const procStat = parseProcStat(this.files.stat.read());
    const memInfo = parseMeminfo(this.files.meminfo.read());
    const loadavg = parseLoadavg(this.files.loadavg.read());
    const cpuPerCore = corePercents(this.previousCores, procStat.cores);
    this.previousCores = procStat.cores;
    return {
      bootTimeMs: procStat.bootTimeSeconds * 1000,
      memTotalBytes: memInfo.totalBytes,
      memAvailableBytes: memInfo.availableBytes,
      cpuPerCore,
      loadAverage: loadavg.averages,
      lastPid: loadavg.lastPid,
    };
  }

  summarize(reading: SystemReading, rows: Map<number, ProcessRecord>, takenAt: number): SystemSummary {
    return {
      takenAt,
      processCount: rows.size,
      ...countStates(rows),
      loadAverage: reading.loadAverage,
      cpuPerCore: reading.cpuPerCore,
      memTotalBytes: reading.memTotalBytes,
      memUsedBytes: reading.memTotalBytes - reading.memAvailableBytes,
      uptimeSeconds: parseUptime(this.files.uptime.read()),
    };
  }

  close(): void {
    for (const file of Object.values(this.files)) file.close();
  }
}
