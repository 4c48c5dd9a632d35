// The signals of this platform: numbers from os.constants.signals, real-time ones on Linux.
import os from 'node:os';
import type { SignalInfo } from '../../shared/model/Signals';
import { COMMON_SIGNALS, REALTIME_DEFINITION, SIGNAL_DEFINITIONS } from './signalDefinitions';

/** glibc reserves 32 and 33 for threads: SIGRTMIN is 34 and SIGRTMAX 64 on Linux (signal(7)). */
const LINUX_RTMIN = 34;
const LINUX_RTMAX = 64;

function realtimeName(n: number): string {
  if (n === LINUX_RTMIN) return 'SIGRTMIN';
  if (n === LINUX_RTMAX) return 'SIGRTMAX';
  return n - LINUX_RTMIN <= (LINUX_RTMAX - LINUX_RTMIN) / 2
    ? `SIGRTMIN+${n - LINUX_RTMIN}`
    : `SIGRTMAX-${LINUX_RTMAX - n}`;
}

/** `linuxRealtime`: add SIGRTMIN..SIGRTMAX, which os.constants.signals leaves out. */
export function buildSignalCatalog(linuxRealtime: boolean): SignalInfo[] {
  const byNumber = new Map<number, SignalInfo>();
  for (const [name, number] of Object.entries(os.constants.signals)) {
    // Aliases (SIGIOT = SIGABRT, SIGPOLL = SIGIO) share a number: the first name wins.
    if (byNumber.has(number)) continue;
    const definition = SIGNAL_DEFINITIONS[name];
    if (!definition) continue;
    byNumber.set(number, {
      number,
      name,
      defaultAction: definition.action,
      catchable: name !== 'SIGKILL' && name !== 'SIGSTOP',
      common: COMMON_SIGNALS.includes(name),
      meaning: { en: definition.en, zh: definition.zh },
    });
  }
  if (linuxRealtime) {
    for (let n = LINUX_RTMIN; n <= LINUX_RTMAX; n++) {
      byNumber.set(n, {
        number: n,
        name: realtimeName(n),
        defaultAction: REALTIME_DEFINITION.action,
        catchable: true,
        common: false,
        meaning: { en: REALTIME_DEFINITION.en, zh: REALTIME_DEFINITION.zh },
      });
    }
  }
  return [...byNumber.values()].sort((a, b) => a.number - b.number);
}

/** Accepts "SIGTERM", "TERM", "term", "15" or 15; null when this system has no such signal. */
export function findSignal(catalog: SignalInfo[], spec: string | number): SignalInfo | null {
  if (typeof spec === 'number' || /^\d+$/.test(spec)) return catalog.find((s) => s.number === Number(spec)) ?? null;
  const wanted = spec.toUpperCase().startsWith('SIG') ? spec.toUpperCase() : `SIG${spec.toUpperCase()}`;
  const alias = Object.entries(os.constants.signals).find(([name]) => name === wanted)?.[1];
  return catalog.find((s) => s.name === wanted || s.number === alias) ?? null;
}
