// Parser for /proc/PID/limits (proc_pid_limits(5)): a fixed-width table with a header line.
import type { ResourceLimit } from '../../shared/model/ProcessDetails';

export function parseLimits(text: string): ResourceLimit[] {
  const lines = text.split('\n').filter((line) => line.trim().length > 0);
  const header = lines.shift() ?? '';
  const softAt = header.indexOf('Soft Limit');
  const hardAt = header.indexOf('Hard Limit');
  const unitsAt = header.indexOf('Units');
  if (softAt < 0 || hardAt < 0 || unitsAt < 0) return [];
  return lines.map((line) => ({
    name: line.slice(0, softAt).trim(),
    soft: line.slice(softAt, hardAt).trim(),
    hard: line.slice(hardAt, unitsAt).trim(),
    units: line.slice(unitsAt).trim(),
  }));
}
