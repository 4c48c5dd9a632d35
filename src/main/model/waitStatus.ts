// Decodes a wait status (waitpid(2) form, as /proc/PID/stat field 52 holds a zombie's) into an exit
// code or the name of the signal that ended the process.
import os from 'node:os';

/** Number → name; the first name wins over its aliases (SIGABRT over SIGIOT, SIGIO over SIGPOLL). */
const SIGNAL_NAMES = new Map<number, string>();
for (const [name, number] of Object.entries(os.constants.signals)) {
  if (!SIGNAL_NAMES.has(number)) SIGNAL_NAMES.set(number, name);
}

export interface DecodedExit {
  exitCode: number | null;
  signal: string | null;
}

export function decodeWaitStatus(status: number): DecodedExit {
  const signal = status & 0x7f; // WTERMSIG; 0 means a normal exit (WIFEXITED)
  if (signal === 0) return { exitCode: (status >> 8) & 0xff, signal: null };
  return { exitCode: null, signal: SIGNAL_NAMES.get(signal) ?? `signal ${signal}` };
}
