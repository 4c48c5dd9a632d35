// What a signal will do to a process (signal(7)), from its state, its dispositions and the
// default action; and whether what was then observed agrees with that prediction.
import type { Observation, Prediction, PredictionKind, SignalDisposition, SignalInfo } from './Signals';

/** What the prediction needs to know of the target, from its record. */
export interface SignalTarget {
  state: string;
  kernelThread: boolean;
}

const isStopped = (state: string) => state === 'T' || state === 't';
/** Standard signals (1-31) do not queue: a second one while one is pending is merged (signal(7)). */
const isStandard = (signal: SignalInfo) => signal.number < 32;

export function predictOutcome(
  signal: SignalInfo,
  disposition: SignalDisposition | undefined,
  target: SignalTarget,
): Prediction {
  const defaultAction = signal.defaultAction;
  const stopped = isStopped(target.state);
  const kind = ((): PredictionKind => {
    // A zombie has no code left to run: signals change nothing, only wait() by its parent.
    if (target.state === 'Z') return 'zombie';
    // kthreadd sets every signal to SIG_IGN, SIGKILL and SIGSTOP included (kernel/kthread.c);
    // a kernel thread that wants one (allow_signal) shows it as caught.
    if (target.kernelThread && disposition?.handling !== 'handler') return 'kernel-thread';
    if (signal.name === 'SIGKILL') return 'uncatchable-terminate';
    if (signal.name === 'SIGSTOP') return stopped ? 'already-stopped' : 'uncatchable-stop';
    if (signal.name === 'SIGCONT') {
      if (stopped) return 'continue';
      return disposition?.handling === 'handler' && !disposition.blocked ? 'handler' : 'not-stopped';
    }
    // A blocked signal is kept pending even when ignored: the mask may change before it is unblocked.
    if (disposition?.blocked) return disposition.pending && isStandard(signal) ? 'already-pending' : 'blocked';
    // An ignored signal is discarded when it is sent, even to a stopped process.
    if (disposition?.handling === 'ignored') return 'ignored';
    if (disposition?.handling !== 'handler' && defaultAction === 'ignore') return 'ignored-by-default';
    if (stopped)
      return defaultAction === 'stop' && disposition?.handling !== 'handler'
        ? 'already-stopped'
        : 'pending-while-stopped';
    if (disposition?.handling === 'handler') return 'handler';
    return defaultAction === 'ignore' ? 'ignored-by-default' : defaultAction;
  })();
  return { kind, defaultAction };
}

/** Kinds where the signal waits: it acts later (on SIGCONT, or when unblocked). */
export const WAITING_KINDS: readonly PredictionKind[] = ['blocked', 'already-pending', 'pending-while-stopped'];

/**
 * Predictions under which the process may end, now or once a waiting signal acts: the ones a
 * confirmation must be asked for. A handler's own code decides, and it may exit.
 */
export function mayEndProcess(prediction: Prediction): boolean {
  const terminating = prediction.defaultAction === 'terminate' || prediction.defaultAction === 'core';
  if (prediction.kind === 'handler' || WAITING_KINDS.includes(prediction.kind)) return terminating;
  return prediction.kind === 'terminate' || prediction.kind === 'core' || prediction.kind === 'uncatchable-terminate';
}

/** The observations that bear a prediction out. A handler may end its process, so both count. */
const EXPECTED: Record<PredictionKind, Observation['kind'][]> = {
  handler: ['running', 'exited', 'stopped', 'continued'],
  ignored: ['running'],
  'ignored-by-default': ['running'],
  'kernel-thread': ['running'],
  'not-stopped': ['running'],
  blocked: ['pending'],
  'already-pending': ['pending'],
  'pending-while-stopped': ['pending'],
  // A stop signal to a stopped process waits in ShdPnd until SIGCONT flushes it.
  'already-stopped': ['pending', 'running'],
  'uncatchable-terminate': ['exited'],
  terminate: ['exited'],
  core: ['exited'],
  'uncatchable-stop': ['stopped'],
  stop: ['stopped'],
  // Signals left pending while it was stopped act as soon as it runs, and may end it.
  continue: ['continued', 'exited'],
  // The parent may happen to reap it while we watch.
  zombie: ['zombie', 'exited'],
};

export function observationAgrees(prediction: Prediction, observation: Pick<Observation, 'kind'>): boolean {
  return EXPECTED[prediction.kind].includes(observation.kind);
}
