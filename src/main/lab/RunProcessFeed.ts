// Tells clients about each lab run's processes at the lab's own sampling rate (10 Hz while a run
// lives), so a run's tree never waits for, or depends on, a window's refresh interval or pause.
import type { EventPayloads } from '../../shared/contract/methods';
import type { RunInfo } from '../../shared/model/Lab';
import type { ProcessEvent } from '../../shared/model/ProcessEvent';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { Adopter, RunProcesses } from '../../shared/model/RunProcesses';
import type { LiveTable, Tick } from '../service/LiveTable';

export interface RunProcessFeedOptions {
  live: LiveTable;
  /** The runs as the supervisor sees them after it handled the tick (their live pids). */
  runs: () => RunInfo[];
  broadcast: (event: 'runProcesses', payload: EventPayloads['runProcesses']) => void;
}

export class RunProcessFeed {
  /** Per run, the records last sent: what changed is told once, and exits are recognised. */
  private readonly sent = new Map<string, Map<number, ProcessRecord>>();

  constructor(private readonly options: RunProcessFeedOptions) {
    options.live.onTick((tick) => this.onTick(tick));
  }

  /** The run's processes now, for a window that opens late or reconnects. */
  current(run: RunInfo): RunProcesses {
    const processes = this.recordsOf(run);
    return {
      runId: run.runId,
      at: this.options.live.table.summary?.takenAt ?? Date.now(),
      processes: [...processes.values()],
      adopters: this.adoptersOf(run, processes),
      events: [],
    };
  }

  private onTick(tick: Tick): void {
    for (const run of this.options.runs()) {
      const previous = this.sent.get(run.runId);
      if (run.livePids.length === 0 && !previous?.size) continue;
      const now = this.recordsOf(run);
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

  private recordsOf(run: RunInfo): Map<number, ProcessRecord> {
    const records = new Map<number, ProcessRecord>();
    for (const pid of run.livePids) {
      const record = this.options.live.table.byPid.get(pid);
      if (record) records.set(pid, record);
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
