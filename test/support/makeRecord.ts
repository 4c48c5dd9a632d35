// A process record with plausible defaults, for unit tests of pure functions (diff, tree, views).
import type { ProcessEvent } from '../../src/shared/model/ProcessEvent';
import type { ProcessRecord, SystemSummary } from '../../src/shared/model/ProcessRecord';

export function makeRecord(overrides: Partial<ProcessRecord> & { pid: number }): ProcessRecord {
  return {
    ppid: 1,
    pgid: overrides.pid,
    sid: overrides.pid,
    tty: null,
    tpgid: -1,
    uid: 1000,
    user: 'student',
    state: 'S',
    stat: 'S',
    nice: 0,
    priority: 20,
    threads: 1,
    cpuPercent: 0,
    memPercent: 0,
    rssBytes: 0,
    vszBytes: 0,
    startTime: 1_000_000 + overrides.pid,
    cpuTimeMs: 0,
    comm: `proc${overrides.pid}`,
    cmdline: [],
    kernelThread: false,
    exitStatus: null,
    ...overrides,
  };
}

export function tableOf(...rows: ProcessRecord[]): Map<number, ProcessRecord> {
  return new Map(rows.map((row) => [row.pid, row]));
}

/** A summary taken at a given time, for unit tests that only need one to exist. */
export function makeSummary(takenAt: number): SystemSummary {
  return {
    takenAt,
    processCount: 0,
    threadCount: 0,
    stateCounts: {},
    loadAverage: [0, 0, 0],
    cpuPerCore: [],
    memTotalBytes: 1,
    memUsedBytes: 0,
    uptimeSeconds: 0,
  };
}

/** A process's birth as the diff reports it. */
export function spawnedEvent(r: ProcessRecord, at: number): ProcessEvent {
  return { kind: 'spawned', at, pid: r.pid, startTime: r.startTime, comm: r.comm, ppid: r.ppid };
}

/** A process's exit as the diff reports it, with its status when one was observed. */
export function exitedEvent(r: ProcessRecord, at: number, exitCode?: number): ProcessEvent {
  const status = exitCode === undefined ? {} : { exitCode, signal: null };
  return { kind: 'exited', at, pid: r.pid, startTime: r.startTime, comm: r.comm, ppid: r.ppid, ...status };
}
