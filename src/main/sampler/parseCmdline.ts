// Parser for /proc/PID/cmdline: argv joined by NUL bytes (proc_pid_cmdline(5)).

export function parseCmdline(text: string): string[] {
  if (text.length === 0) return [];
  const args = text.split('\0');
  if (args[args.length - 1] === '') args.pop();
  return args;
}
