// How many /proc files the sampler may keep open: half of the soft open-files limit (Node raises
// it to the hard limit at start-up), leaving the rest to the app.
import { readFileSync } from 'node:fs';

export function defaultKeptOpenCap(limitsPath = '/proc/self/limits'): number {
  try {
    const line = readFileSync(limitsPath, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Max open files'));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    if (Number.isFinite(soft)) return Math.max(0, Math.min(16_384, Math.floor(soft / 2)));
  } catch {
    // fall through to a conservative cap
  }
  return 512;
}
