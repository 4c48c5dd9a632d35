// One small file per running ProcLab, in a private directory, listing the processes of its runs
// (each pinned by pid and start time). A ProcLab started after this one was SIGKILLed finds them
// there: even those that removed their tag, and even if this ProcLab's pid now names another process.
import { lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { WatchedProcess } from './LabTreePoller';
import type { OwnerIdentity } from './runTag';

export interface ServerRecord {
  owner: OwnerIdentity;
  processes: WatchedProcess[];
}

/** $XDG_RUNTIME_DIR/proclab (per user, emptied at logout), else <tmp>/proclab-<uid>. */
export function defaultRecordsDir(): string {
  const runtime = process.env.XDG_RUNTIME_DIR;
  return runtime ? path.join(runtime, 'proclab') : path.join(os.tmpdir(), `proclab-${process.getuid?.() ?? 'user'}`);
}

export class RunRecords {
  private readonly usable: boolean;
  private readonly file: string;

  constructor(
    private readonly dir: string,
    private readonly owner: OwnerIdentity,
  ) {
    this.usable = privateDirectory(dir);
    this.file = path.join(dir, `${owner.pid}-${owner.startTicks}.json`);
  }

  /** Replaces this ProcLab's record (written whole, then renamed: a reader never sees half a file). */
  write(processes: WatchedProcess[]): void {
    if (!this.usable) return;
    const record: ServerRecord = { owner: this.owner, processes };
    try {
      writeFileSync(`${this.file}.tmp`, JSON.stringify(record), { mode: 0o600 });
      renameSync(`${this.file}.tmp`, this.file);
    } catch (error) {
      console.error('[proclab] could not write the run record:', error);
    }
  }

  /** On a clean shutdown: nothing is left to find. */
  remove(): void {
    this.forget(this.file);
  }

  /** The records of other ProcLabs, running or not. */
  others(): { file: string; record: ServerRecord }[] {
    if (!this.usable) return [];
    const found: { file: string; record: ServerRecord }[] = [];
    for (const name of readdirSync(this.dir)) {
      const file = path.join(this.dir, name);
      if (!name.endsWith('.json') || file === this.file) continue;
      const record = parseRecord(file);
      if (record) found.push({ file, record });
    }
    return found;
  }

  forget(file: string): void {
    rmSync(file, { force: true });
  }
}

/**
 * Creates the directory if needed, and trusts it only if it is ours and closed to others: a
 * record someone else could write would name processes for ProcLab to end.
 */
function privateDirectory(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    return stat.isDirectory() && stat.uid === process.getuid?.() && (stat.mode & 0o077) === 0;
  } catch {
    return false;
  }
}

function parseRecord(file: string): ServerRecord | null {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as ServerRecord;
    const valid =
      Number.isInteger(record.owner?.pid) &&
      Array.isArray(record.processes) &&
      record.processes.every((p) => Number.isInteger(p.pid) && typeof p.startTime === 'number');
    return valid ? record : null;
  } catch {
    return null;
  }
}
