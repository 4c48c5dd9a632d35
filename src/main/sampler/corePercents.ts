// Busy percentage of each core between two readings of its cumulative times.
import type { CpuTimes } from './parseSystemFiles';

export function corePercents(previous: CpuTimes[], current: CpuTimes[]): number[] {
  return current.map((core, i) => {
    const before = previous[i];
    const total = core.total - (before?.total ?? 0);
    const busy = core.busy - (before?.busy ?? 0);
    return total > 0 ? Math.round((busy / total) * 1000) / 10 : 0;
  });
}
