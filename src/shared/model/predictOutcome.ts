// What a signal will do to a process, from its disposition and the default action (signal(7)).
import type { Prediction, SignalDisposition, SignalInfo } from './Signals';

export function predictOutcome(
  signal: SignalInfo,
  disposition: SignalDisposition | undefined,
  state: string,
): Prediction {
  const defaultAction = signal.defaultAction;
  const kind = ((): Prediction['kind'] => {
    if (signal.name === 'SIGKILL') return 'uncatchable-terminate';
    if (signal.name === 'SIGSTOP') return 'uncatchable-stop';
    // A stopped process acts on nothing but SIGKILL and SIGCONT until it is continued.
    if ((state === 'T' || state === 't') && signal.name !== 'SIGCONT') return 'pending-while-stopped';
    if (disposition?.blocked) return 'blocked';
    if (disposition?.handling === 'handler') return 'handler';
    if (disposition?.handling === 'ignored') return 'ignored';
    return defaultAction === 'ignore' ? 'ignored-by-default' : defaultAction;
  })();
  return { kind, defaultAction };
}
