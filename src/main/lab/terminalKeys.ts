// The keys a terminal turns into signals for its foreground process group (termios(3)): the byte
// each key sends (VINTR, VQUIT, VSUSP by default) and the signal the line discipline makes of it.
// On the lab's terminal they are typed; a run on pipes has no line discipline, so kill() stands in.
import { ProcLabFailure } from '../../shared/contract/errors';
import type { LabRun } from './LabRun';

export type TerminalKey = 'ctrl-c' | 'ctrl-backslash' | 'ctrl-z';

export const TERMINAL_KEYS: Record<TerminalKey, { signal: NodeJS.Signals; label: string; byte: string }> = {
  'ctrl-c': { signal: 'SIGINT', label: 'Ctrl+C', byte: '\x03' },
  'ctrl-backslash': { signal: 'SIGQUIT', label: 'Ctrl+\\', byte: '\x1c' },
  'ctrl-z': { signal: 'SIGTSTP', label: 'Ctrl+Z', byte: '\x1a' },
};

export interface KeyPress {
  signal: string;
  via: 'terminal' | 'kill';
  pgid: number;
}

/** What the lab knows of a run's groups, for keys. */
export interface RunGroups {
  /** The terminal's foreground group as last sampled (tpgid), if known. */
  foreground(): number | undefined;
  /** The run's processes in a group, read now. */
  membersOf(pgid: number): number[];
  /** kill(-pgid), only while the run anchors that group (signalRunGroup); false if it does not. */
  signal(pgid: number, signal: NodeJS.Signals): boolean;
}

/** Bytes typed into a run's terminal; on pipes, a lone terminal key is sent as its signal. */
export function typeInto(run: LabRun, data: string, groups: RunGroups): void {
  const key = run.info.terminal ? undefined : keyOf(data);
  if (key) {
    pressKey(run, key, groups);
    return;
  }
  try {
    run.write(data);
  } catch (error) {
    throw new ProcLabFailure('INVALID_ARGUMENT', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Ctrl+C, Ctrl+\ and Ctrl+Z: on the run's terminal, typed into it, so the line discipline signals
 * the terminal's foreground group; without a terminal, sent to the run's group with kill().
 */
export function pressKey(run: LabRun, key: TerminalKey, groups: RunGroups): KeyPress {
  const { signal, label, byte } = TERMINAL_KEYS[key];
  if (run.info.terminal) {
    typeInto(run, byte, groups);
    const foreground = groups.foreground();
    return { signal, via: 'terminal', pgid: foreground && foreground > 0 ? foreground : run.info.pgid };
  }
  const pgid = run.info.pgid;
  const members = groups.membersOf(pgid);
  // Once no process of the run is in the group, its id may be another session's: nothing is sent.
  if (members.length === 0 || !groups.signal(pgid, signal))
    throw new ProcLabFailure('NO_SUCH_PROCESS', `the run's process group ${pgid} has no process left`);
  run.output.note(`${label}: ${signal} to the process group ${pgid} with kill() (${members.length} processes)`);
  return { signal, via: 'kill', pgid };
}

/** The key whose byte this is, when the data typed is exactly one such byte. */
function keyOf(data: string): TerminalKey | undefined {
  return (Object.keys(TERMINAL_KEYS) as TerminalKey[]).find((key) => TERMINAL_KEYS[key].byte === data);
}
