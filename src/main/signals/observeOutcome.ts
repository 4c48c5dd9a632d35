// Watches what a signal did, for about a second: gone, stopped, continued, still running, or pending.
import type { Observation, Prediction, SignalInfo } from '../../shared/model/Signals';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { maskToSignals } from './decodeSignalMasks';
import { parseStatus } from '../details/parseStatus';

export const OBSERVE_MS = 900;
const POLL_MS = 40;

export interface ExitStatusSource {
  /** The exit of a process whose parent told ProcLab (the lab's children); undefined if unknown. */
  exitOf(pid: number, startTime: number): { code: number | null; signal: string | null } | undefined;
}

const isStopped = (state: string) => state === 'T' || state === 't';

export async function observeOutcome(
  reader: ProcIdentityReader,
  target: { pid: number; startTime: number; stateBefore: string },
  signal: SignalInfo,
  prediction: Prediction,
  exits: ExitStatusSource,
): Promise<Observation> {
  const deadline = Date.now() + OBSERVE_MS;
  for (;;) {
    const now = reader.read(target.pid);
    const gone = !now || now.startTime !== target.startTime || now.state === 'Z' || now.state === 'X';
    if (gone) {
      // Give the parent a moment to reap and tell us the real status.
      const known = exits.exitOf(target.pid, target.startTime);
      const killedBySignal = ['terminate', 'core', 'uncatchable-terminate'].includes(prediction.kind);
      return {
        pid: target.pid,
        kind: 'exited',
        state: now?.state ?? null,
        exitSignal: known ? known.signal : killedBySignal ? signal.name : null,
        exitCode: known ? known.code : null,
        certain: known !== undefined,
      };
    }
    const stopped = isStopped(now.state);
    if (stopped && !isStopped(target.stateBefore)) return observation(target.pid, 'stopped', now.state);
    if (!stopped && isStopped(target.stateBefore)) return observation(target.pid, 'continued', now.state);
    if (Date.now() >= deadline) {
      const status = reader.status(target.pid);
      const fields = status ? parseStatus(status) : {};
      const pending =
        maskToSignals(fields.SigPnd).has(signal.number) || maskToSignals(fields.ShdPnd).has(signal.number);
      return observation(target.pid, pending ? 'pending' : 'running', now.state);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function observation(pid: number, kind: Observation['kind'], state: string): Observation {
  return { pid, kind, state, exitSignal: null, exitCode: null, certain: true };
}
