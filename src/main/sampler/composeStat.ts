// The ps STAT column: state letter plus flags, with the rules of procps (ps/output.c, pr_stat).

export interface StatFlagInputs {
  state: string;
  nice: number;
  pid: number;
  sid: number;
  threads: number;
  pgid: number;
  tpgid: number;
}

/**
 * `<` high priority, `N` low priority, `L` pages locked in memory, `s` session leader,
 * `l` multithreaded, `+` foreground group.
 */
export function composeStat(p: StatFlagInputs, lockedPages: boolean): string {
  let stat = p.state;
  if (p.nice < 0) stat += '<';
  if (p.nice > 0) stat += 'N';
  if (lockedPages) stat += 'L';
  if (p.sid === p.pid) stat += 's';
  if (p.threads > 1) stat += 'l';
  if (p.pgid === p.tpgid) stat += '+';
  return stat;
}
