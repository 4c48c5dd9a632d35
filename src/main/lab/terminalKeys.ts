// The keys a terminal turns into signals for its foreground process group (termios(3)): the byte
// each key sends (VINTR, VQUIT, VSUSP by default) and the signal the line discipline makes of it.

export type TerminalKey = 'ctrl-c' | 'ctrl-backslash' | 'ctrl-z';

export const TERMINAL_KEYS: Record<TerminalKey, { signal: NodeJS.Signals; label: string; byte: string }> = {
  'ctrl-c': { signal: 'SIGINT', label: 'Ctrl+C', byte: '\x03' },
  'ctrl-backslash': { signal: 'SIGQUIT', label: 'Ctrl+\\', byte: '\x1c' },
  'ctrl-z': { signal: 'SIGTSTP', label: 'Ctrl+Z', byte: '\x1a' },
};

/** The key whose byte this is, when the data typed is exactly one such byte. */
export function terminalKeyOf(data: string): TerminalKey | undefined {
  return (Object.keys(TERMINAL_KEYS) as TerminalKey[]).find((key) => TERMINAL_KEYS[key].byte === data);
}
