// Human formats shared by the CLI and the UI: CPU time as ps prints it, the COMMAND text, sizes.
import type { ProcessRecord } from './ProcessRecord';

/** ps's TIME: cumulative CPU time as [DD-]HH:MM:SS. */
export function formatCpuTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const hms = [Math.floor(total / 3600) % 24, Math.floor(total / 60) % 60, total % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return days > 0 ? `${days}-${hms}` : hms;
}

/**
 * ps's COMMAND: argv joined, [comm] for kernel threads, and `[comm] <defunct>` for a zombie
 * (its argv is gone with its memory, even if the sampler still holds what it read before).
 */
export function commandText(p: Pick<ProcessRecord, 'cmdline' | 'comm' | 'state'>): string {
  if (p.state === 'Z') return `[${p.comm}] <defunct>`;
  if (p.cmdline.length === 0) return `[${p.comm}]`;
  return p.cmdline.join(' ');
}

/** A time of day as ps and the kernel logs print it: HH:MM:SS, 24-hour, local time, no locale. */
export function formatTimeOfDay(ms: number): string {
  const date = new Date(ms);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** 1536 → "1.5 KiB"; three significant digits at most. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** 93784 s → "1d 2h", 3725 s → "1h 2m", 65 s → "1m 5s". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s % 60}s`;
}
