// The keys a terminal turns into signals for its foreground process group (termios(3)).

export type TerminalKey = 'ctrl-c' | 'ctrl-backslash' | 'ctrl-z';

export const TERMINAL_KEYS: Record<TerminalKey, { signal: NodeJS.Signals; label: string }> = {
  'ctrl-c': { signal: 'SIGINT', label: 'Ctrl+C' },
  'ctrl-backslash': { signal: 'SIGQUIT', label: 'Ctrl+\\' },
  'ctrl-z': { signal: 'SIGTSTP', label: 'Ctrl+Z' },
};
