// Parser for /proc/PID/stat (proc_pid_stat(5)): one line, the comm in parentheses may hold anything.

export interface StatFields {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  pgid: number;
  sid: number;
  ttyNr: number;
  tpgid: number;
  flags: number;
  utimeTicks: number;
  stimeTicks: number;
  priority: number;
  nice: number;
  threads: number;
  startTicks: number;
  vszBytes: number;
  rssPages: number;
  /**
   * Field 52 (Linux 3.5+): the exit status in waitpid(2) form. Meaningful for a zombie only,
   * and shown as 0 to a reader the kernel does not let inspect the process; null before 3.5.
   */
  exitStatus: number | null;
  /**
   * Field 48 (Linux 3.5+): where argv starts in the process's memory. Every exec moves it, even to
   * a program of the same name; 0 to a reader the kernel does not let inspect the process.
   */
  argvAddress: number;
}

/** PF_KTHREAD in the flags field (include/linux/sched.h): the task is a kernel thread. */
export const PF_KTHREAD = 0x00200000;

/** A user process that is not a zombie: it has memory (and a command line) of its own. */
export function ownsMemory(f: Pick<StatFields, 'flags' | 'state'>): boolean {
  return (f.flags & PF_KTHREAD) === 0 && f.state !== 'Z' && f.state !== 'X';
}

/**
 * Splits at the *last* ')' because comm may itself contain ')' and spaces, e.g. "x) (y".
 * Returns null for text that is not a stat line (a truncated read of a dying process).
 */
export function parseStat(text: string): StatFields | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 1 || close < open) return null;
  // After ") " comes field 3 (state); field n is at index n - 3.
  const rest = text.slice(close + 2).split(' ');
  if (rest.length < 22) return null;
  return {
    pid: Number(text.slice(0, open - 1)),
    comm: text.slice(open + 1, close),
    state: rest[0]!,
    ppid: Number(rest[1]),
    pgid: Number(rest[2]),
    sid: Number(rest[3]),
    ttyNr: Number(rest[4]),
    tpgid: Number(rest[5]),
    flags: Number(rest[6]),
    utimeTicks: Number(rest[11]),
    stimeTicks: Number(rest[12]),
    priority: Number(rest[15]),
    nice: Number(rest[16]),
    threads: Number(rest[17]),
    startTicks: Number(rest[19]),
    vszBytes: Number(rest[20]),
    rssPages: Number(rest[21]),
    exitStatus: rest.length > 49 ? Number(rest[49]) : null,
    argvAddress: rest.length > 45 ? Number(rest[45]) : 0,
  };
}
