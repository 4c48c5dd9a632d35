// Top self-time functions of a V8 CPU profile (Chromium's CDP Profiler, or Node's --cpu-prof).

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  selfMs: number;
  /** Share of the profile's non-idle samples. */
  percent: number;
}

export function topSelfTime(profile: CpuProfile, count: number): SelfTime[] {
  const nameOf = new Map<number, string>();
  for (const { id, callFrame } of profile.nodes) {
    const where = callFrame.url ? ` ${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}` : '';
    nameOf.set(id, `${callFrame.functionName || '(anonymous)'}${where}`);
  }
  const selfUs = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busyUs = 0;
  // A sample's delta is the time until the next sample: that is the time spent where it was taken.
  for (let i = 0; i < samples.length; i++) {
    const name = nameOf.get(samples[i]!) ?? '?';
    if (name === '(idle)') continue;
    const us = deltas[i + 1] ?? 0;
    busyUs += us;
    selfUs.set(name, (selfUs.get(name) ?? 0) + us);
  }
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, selfMs: us / 1000, percent: busyUs ? (us / busyUs) * 100 : 0 }));
}

export function formatSelfTimes(title: string, profile: CpuProfile, count = 12): string {
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  const lines = topSelfTime(profile, count).map(
    (entry) => `  ${entry.selfMs.toFixed(0).padStart(7)} ms ${entry.percent.toFixed(1).padStart(5)}%  ${entry.name}`,
  );
  return [`${title} (${seconds.toFixed(0)} s profiled, top self time):`, ...lines].join('\n');
}
