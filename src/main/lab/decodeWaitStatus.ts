// A wait(2) status as the kernel reports it (the proc connector's exit_code): exit code or signal.
import { buildSignalCatalog, findSignal } from '../signals/signalCatalog';
import type { ExitStatus } from './ExitLog';

// The kernel's process events are read on Linux only: its real-time signals are named too.
const catalog = buildSignalCatalog(true);

export function decodeWaitStatus(status: number): ExitStatus {
  const signal = status & 0x7f;
  // WIFEXITED: no signal in the low bits; the code is the next byte (WEXITSTATUS).
  if (signal === 0) return { code: (status >> 8) & 0xff, signal: null };
  return { code: null, signal: findSignal(catalog, signal)?.name ?? `signal ${signal}` };
}
