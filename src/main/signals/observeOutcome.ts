// Watches what a signal did, for about a second: gone, stopped, continued, pending, still a zombie,
// or no visible change; and says whether that bears out the prediction for this process.
import { observationAgrees } from '../../shared/model/predictOutcome';
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
const KILLING = ['terminate', 'core', 'uncatchable-terminate'];

type Seen = Omit<Observation, 'predicted' | 'asPredicted'>;

export async function observeOutcome(
  reader: ProcIdentityReader,
  target: { pid: number; startTime: number; stateBefore: string },
  signal: SignalInfo,
  prediction: Prediction,
  exits: ExitStatusSource,
): Promise<Observation> {
  const seen = await watch(reader, target, signal, prediction, exits);
  return { ...seen, predicted: prediction.kind, asPredicted: observationAgrees(prediction, seen) };
}

async function watch(
  reader: ProcIdentityReader,
  target: { pid: number; startTime: number; stateBefore: string },
  signal: SignalInfo,
  prediction: Prediction,
  exits: ExitStatusSource,
): Promise<Seen> {
  const deadline = Date.now() + OBSERVE_MS;
  const wasZombie = target.stateBefore === 'Z';
  for (;;) {
    const now = reader.read(target.pid);
    const replaced = !now || now.startTime !== target.startTime || now.state === 'X';
    // A zombie that is still a zombie has not changed; a live process that became one has ended.
    if (replaced || (now.state === 'Z' && !wasZombie)) {
      // Give the parent a moment to reap and tell us the real status.
      const known = exits.exitOf(target.pid, target.startTime);
      return {
        pid: target.pid,
        kind: 'exited',
        state: now?.state ?? null,
        exitSignal: known ? known.signal : KILLING.includes(prediction.kind) ? signal.name : null,
        exitCode: known ? known.code : null,
        certain: known !== undefined,
      };
    }
    const stopped = isStopped(now.state);
    if (stopped && !isStopped(target.stateBefore)) return seenState(target.pid, 'stopped', now.state);
    if (!stopped && isStopped(target.stateBefore)) return seenState(target.pid, 'continued', now.state);
    if (Date.now() >= deadline) {
      if (wasZombie) return seenState(target.pid, 'zombie', now.state);
      const status = reader.status(target.pid);
      const fields = status ? parseStatus(status) : {};
      const pending =
        maskToSignals(fields.SigPnd).has(signal.number) || maskToSignals(fields.ShdPnd).has(signal.number);
      return seenState(target.pid, pending ? 'pending' : 'running', now.state);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function seenState(pid: number, kind: Observation['kind'], state: string): Seen {
  return { pid, kind, state, exitSignal: null, exitCode: null, certain: true };
}
