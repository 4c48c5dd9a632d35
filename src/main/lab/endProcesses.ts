// Ends a set of processes that may change while it is ended: TERM, a grace period, then KILL again
// and again, what is still there and what was born meanwhile, until a fresh look finds nothing.

interface Target {
  pid: number;
  startTime: number;
}

export interface Ending<T extends Target> {
  /** Asked to end with SIGTERM. */
  termed: T[];
  /** Needed SIGKILL (each once, however many times it was sent). */
  killed: T[];
  /** Still there at the deadline (only a process in D state can resist SIGKILL that long). */
  remaining: T[];
}

const POLL_MS = 50;
const KILL_FOR_MS = 5_000;

export async function endProcesses<T extends Target>(
  /** What is left now; it must include what the processes forked since the last look. */
  find: () => Promise<T[]>,
  signal: (target: T, signal: 'SIGTERM' | 'SIGKILL') => void,
  graceMs: number,
): Promise<Ending<T>> {
  const termed = await find();
  for (const target of termed) signal(target, 'SIGTERM');
  let left = termed;
  const graceEnds = Date.now() + graceMs;
  while (left.length > 0 && Date.now() < graceEnds) {
    await sleep(POLL_MS);
    left = await find();
  }
  const killed = new Map<string, T>();
  const killEnds = Date.now() + KILL_FOR_MS;
  while (left.length > 0 && Date.now() < killEnds) {
    for (const target of left) {
      signal(target, 'SIGKILL');
      killed.set(`${target.pid}:${target.startTime}`, target);
    }
    await sleep(POLL_MS);
    left = await find();
  }
  return { termed, killed: [...killed.values()], remaining: left };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
