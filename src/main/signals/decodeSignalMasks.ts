// Decodes the signal masks of /proc/PID/status (proc_pid_status(5)): bit n-1 stands for signal n.
import type { SignalDisposition, SignalInfo } from '../../shared/model/Signals';

export function maskToSignals(hex: string | undefined): Set<number> {
  const signals = new Set<number>();
  if (!hex || !/^[0-9a-fA-F]+$/.test(hex)) return signals;
  let mask = BigInt(`0x${hex}`);
  for (let n = 1; mask > 0n; n++, mask >>= 1n) if (mask & 1n) signals.add(n);
  return signals;
}

export function decodeDispositions(status: Record<string, string>, catalog: SignalInfo[]): SignalDisposition[] {
  const caught = maskToSignals(status.SigCgt);
  const ignored = maskToSignals(status.SigIgn);
  const blocked = maskToSignals(status.SigBlk);
  const pending = new Set([...maskToSignals(status.SigPnd), ...maskToSignals(status.ShdPnd)]);
  return catalog.map(({ number, name }) => ({
    number,
    name,
    handling: caught.has(number) ? 'handler' : ignored.has(number) ? 'ignored' : 'default',
    blocked: blocked.has(number),
    pending: pending.has(number),
  }));
}
