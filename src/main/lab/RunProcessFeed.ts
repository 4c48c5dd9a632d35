// Tells clients about each lab run's processes at the lab's own sampling rate (10 Hz while a run
// lives), so a run's tree never waits for, or depends on, a window's refresh interval or pause.
// Who belongs to a run is the lab's own knowledge (LabProcessTracker), pinned by (pid, start time).
import { ProcLabFailure } from '../../shared/contract/errors';
import type { EventPayloads } from '../../shared/contract/methods';
import type { RunInfo } from '../../shared/model/Lab';
import type { ProcessEvent } from '../../shared/model/ProcessEvent';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { Adopter, RunProcesses } from '../../shared/model/RunProcesses';
import type { LiveTable, Tick } from '../service/LiveTable';
import type { WatchedProcess } from './LabTreePoller';

/** A run and its processes as the lab knows them. */
export interface RunMembers {
  run: RunInfo;
  members: readonly WatchedProcess[];
}

export interface RunProcessFeedOptions {
  live: LiveTable;
  /** Every run with its members, as the lab knows them once it has handled the tick. */
  runs: () => RunMembers[];
  broadcast: (event: 'runProcesses', payload: EventPayloads['runProcesses']) => void;
}

export class RunProcessFeed {
  /** Per run, the records last sent: what changed is told once, and exits are recognised. */
  private readonly sent = new Map<string, Map<number, ProcessRecord>>();

  constructor(private readonly options: RunProcessFeedOptions) {
    options.live.onTick((tick) => this.onTick(tick));
  }

  /** The run's processes now, for a window that opens late or reconnects. */
  current(runId: string): RunProcesses {
    const found = this.options.runs().find(({ run }) => run.runId === runId);
    if (!found) throw new ProcLabFailure('INVALID_ARGUMENT', `no run ${runId}`);
    const { run, members } = found;
    const processes = this.recordsOf(members, this.sent.get(runId));
    return {
      runId: run.runId,
      at: this.options.live.table.summary?.takenAt ?? Date.now(),
      processes: [...processes.values()],
      adopters: this.adoptersOf(run, processes),
      events: [],
    };
  }

  private onTick(tick: Tick): void {
    for (const { run, members } of this.options.runs()) {
      const previous = this.sent.get(run.runId);
      if (members.length === 0 && !previous?.size) continue;
      const now = this.recordsOf(members, previous);
      const events = tick.diff.events.filter((event) => concernsRun(event, now, previous));
      if (events.length === 0 && previous && sameRecords(previous, now)) continue;
      // A run with nothing left is told so once, then forgotten.
      if (now.size > 0) this.sent.set(run.runId, now);
      else this.sent.delete(run.runId);
      this.options.broadcast('runProcesses', {
        runId: run.runId,
        at: tick.summary.takenAt,
        processes: [...now.values()],
        adopters: this.adoptersOf(run, now),
        events,
      });
    }
  }

  /**
   * The table's records of the members (a pid whose record is another process's is not one), and
   * of the processes last sent that the table still holds: the lab forgets a process as soon as
   * it is reaped, often before a sample sees it go, and it must stay until its exit is told.
   */
  private recordsOf(
    members: readonly WatchedProcess[],
    previous: ReadonlyMap<number, ProcessRecord> | undefined,
  ): Map<number, ProcessRecord> {
    const records = new Map<number, ProcessRecord>();
    const table = this.options.live.table.byPid;
    for (const { pid, startTime } of [...members, ...(previous?.values() ?? [])]) {
      const record = table.get(pid);
      if (record?.startTime === startTime) records.set(pid, record);
    }
    return records;
  }

  /** Parents outside the run of the run's processes other than its first one (init, a subreaper). */
  private adoptersOf(run: RunInfo, records: Map<number, ProcessRecord>): Adopter[] {
    const adopters = new Map<number, Adopter>();
    for (const record of records.values()) {
      if (record.pid === run.rootPid || records.has(record.ppid) || adopters.has(record.ppid)) continue;
      const parent = this.options.live.table.byPid.get(record.ppid);
      adopters.set(record.ppid, { pid: record.ppid, comm: parent?.comm ?? '' });
    }
    return [...adopters.values()];
  }
}

/** An event of one of the run's processes: alive now, or (an exit) alive in the last message. */
function concernsRun(
  event: ProcessEvent,
  now: ReadonlyMap<number, ProcessRecord>,
  previous: ReadonlyMap<number, ProcessRecord> | undefined,
): boolean {
  const record = event.kind === 'exited' ? previous?.get(event.pid) : now.get(event.pid);
  return record?.startTime === event.startTime;
}

/** The sampler hands back the same record object for a process whose stat did not change. */
function sameRecords(a: ReadonlyMap<number, ProcessRecord>, b: ReadonlyMap<number, ProcessRecord>): boolean {
  if (a.size !== b.size) return false;
  for (const [pid, record] of a) if (b.get(pid) !== record) return false;
  return true;
}
