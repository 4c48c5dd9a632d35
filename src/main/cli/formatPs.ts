// ps-like text for `proclab ps`: the default, `ps aux` and `ps ajx` column sets.
import { commandText, formatCpuTime } from '../../shared/model/formatProcess';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';

export type PsFormat = 'default' | 'aux' | 'ajx';

interface Column {
  header: string;
  value: (p: ProcessRecord, now: number) => string;
  alignLeft?: boolean;
}

/** ps's START: HH:MM today, otherwise MonDD. */
export function formatStart(startTime: number, now: number): string {
  const date = new Date(startTime);
  if (now - startTime < 24 * 3600 * 1000) {
    return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  }
  return `${date.toLocaleString('en', { month: 'short' })}${String(date.getDate()).padStart(2, '0')}`;
}

const col = {
  pid: { header: 'PID', value: (p) => String(p.pid) },
  ppid: { header: 'PPID', value: (p) => String(p.ppid) },
  pgid: { header: 'PGID', value: (p) => String(p.pgid) },
  sid: { header: 'SID', value: (p) => String(p.sid) },
  tpgid: { header: 'TPGID', value: (p) => String(p.tpgid) },
  uid: { header: 'UID', value: (p) => String(p.uid) },
  user: { header: 'USER', value: (p) => p.user, alignLeft: true },
  cpu: { header: '%CPU', value: (p) => p.cpuPercent.toFixed(1) },
  mem: { header: '%MEM', value: (p) => p.memPercent.toFixed(1) },
  vsz: { header: 'VSZ', value: (p) => String(Math.round(p.vszBytes / 1024)) },
  rss: { header: 'RSS', value: (p) => String(Math.round(p.rssBytes / 1024)) },
  tty: { header: 'TTY', value: (p) => p.tty ?? '?', alignLeft: true },
  stat: { header: 'STAT', value: (p) => p.stat, alignLeft: true },
  start: { header: 'START', value: (p, now) => formatStart(p.startTime, now), alignLeft: true },
  time: { header: 'TIME', value: (p) => formatCpuTime(p.cpuTimeMs) },
  command: { header: 'COMMAND', value: commandText, alignLeft: true },
} satisfies Record<string, Column>;

const FORMATS: Record<PsFormat, Column[]> = {
  default: [col.pid, col.tty, col.stat, col.time, col.command],
  aux: [col.user, col.pid, col.cpu, col.mem, col.vsz, col.rss, col.tty, col.stat, col.start, col.time, col.command],
  ajx: [col.ppid, col.pid, col.pgid, col.sid, col.tty, col.tpgid, col.stat, col.uid, col.time, col.command],
};

export function formatPs(rows: ProcessRecord[], format: PsFormat, now = Date.now()): string {
  const columns = FORMATS[format];
  const sorted = [...rows].sort((a, b) => a.pid - b.pid);
  const cells = sorted.map((p) => columns.map((c) => c.value(p, now)));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        if (i === columns.length - 1) return v;
        return columns[i]!.alignLeft ? v.padEnd(widths[i]!) : v.padStart(widths[i]!);
      })
      .join(' ');
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}
