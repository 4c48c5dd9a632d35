// Sends a signal only if the pinned process still is the one we mean (same pid, same start time).
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';

export function signalPinned(
  reader: ProcIdentityReader,
  target: { pid: number; startTime: number },
  signal: NodeJS.Signals,
): boolean {
  if (!reader.isAlive(target.pid, target.startTime)) return false;
  try {
    process.kill(target.pid, signal);
    return true;
  } catch {
    // Gone meanwhile, or not ours to signal: callers look again afterwards.
    return false;
  }
}
