// Parsers for the machine-wide files: /proc/stat, /proc/meminfo, /proc/loadavg, /proc/uptime (proc(5)).

export interface CpuTimes {
  busy: number;
  total: number;
}

export interface ProcStat {
  /** Per core, in the order of cpu0, cpu1... */
  cores: CpuTimes[];
  /** Boot time, epoch seconds. */
  bootTimeSeconds: number;
}

export function parseProcStat(text: string): ProcStat {
  const cores: CpuTimes[] = [];
  let bootTimeSeconds = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('cpu') && line[3] !== ' ') {
      const [, ...fields] = line.trim().split(/\s+/);
      const values = fields.map(Number);
      // user nice system idle iowait irq softirq steal (guest time is already inside user).
      const total = values.slice(0, 8).reduce((sum, v) => sum + v, 0);
      const idle = (values[3] ?? 0) + (values[4] ?? 0);
      cores.push({ busy: total - idle, total });
    } else if (line.startsWith('btime ')) {
      bootTimeSeconds = Number(line.slice(6));
    }
  }
  return { cores, bootTimeSeconds };
}

export interface MemInfo {
  totalBytes: number;
  availableBytes: number;
}

export function parseMeminfo(text: string): MemInfo {
  const kib = (key: string): number => {
    const match = new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text);
    return match ? Number(match[1]) * 1024 : 0;
  };
  const totalBytes = kib('MemTotal');
  // MemAvailable exists since Linux 3.14; before it, free + cached is the usual estimate.
  const availableBytes = /^MemAvailable:/m.test(text) ? kib('MemAvailable') : kib('MemFree') + kib('Cached');
  return { totalBytes, availableBytes };
}

export interface Loadavg {
  averages: [number, number, number];
  /** The pid handed out last in this pid namespace (the fifth field), NaN if unreadable. */
  lastPid: number;
}

/** "0.68 0.36 0.18 1/78 4370": three load averages, runnable/all threads, the last pid. */
export function parseLoadavg(text: string): Loadavg {
  const fields = text.split(' ');
  const [one, five, fifteen] = fields.map(Number);
  return { averages: [one ?? 0, five ?? 0, fifteen ?? 0], lastPid: Number(fields[4] ?? NaN) };
}

export function parseUptime(text: string): number {
  return Number(text.split(' ')[0]) || 0;
}
