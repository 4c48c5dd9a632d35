// Turns the engine's events into what the timeline shows, dropping the R<->S flicker of busy processes.
import type { ProcessEvent } from '../../../shared/model/ProcessEvent';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { SignalReport } from '../../../shared/model/Signals';

export const TIMELINE_KINDS = [
  'spawned',
  'exited',
  'zombie',
  'reaped',
  'reparented',
  'stopped',
  'continued',
  'exec',
  'signal',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEntry {
  id: number;
  at: number;
  kind: TimelineKind;
  pid: number;
  startTime: number;
  comm: string;
  /** Values the sentence needs: the parents of a reparenting, the new name after exec... */
  detail: Record<string, string | number | null>;
  /** The process as it was then (for scoping by a search); null if it was never seen. */
  record: ProcessRecord | null;
}

let nextId = 1;

/** `before` is the table as it was before this delta, to tell a reaped zombie from an exit. */
export function timelineEntries(events: ProcessEvent[], before: ReadonlyMap<number, ProcessRecord>): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (event: ProcessEvent, kind: TimelineKind, detail: TimelineEntry['detail'] = {}) => {
    const known = before.get(event.pid);
    entries.push({
      id: nextId++,
      at: event.at,
      kind,
      pid: event.pid,
      startTime: event.startTime,
      comm: event.comm,
      detail,
      record: known?.startTime === event.startTime ? known : null,
    });
  };
  for (const event of events) {
    switch (event.kind) {
      case 'spawned':
        add(event, 'spawned', { ppid: event.ppid });
        break;
      case 'exited': {
        const wasZombie = before.get(event.pid)?.state === 'Z';
        add(event, wasZombie ? 'reaped' : 'exited', {
          ppid: event.ppid,
          exitCode: event.exitCode ?? null,
          signal: event.signal ?? null,
        });
        break;
      }
      case 'zombie':
        add(event, 'zombie', { ppid: event.ppid, exitCode: event.exitCode ?? null, signal: event.signal ?? null });
        break;
      case 'reparented':
        add(event, 'reparented', { oldPpid: event.oldPpid, newPpid: event.newPpid });
        break;
      case 'changed': {
        const state = event.changes.state as [string, string] | undefined;
        if (state && (state[1] === 'T' || state[1] === 't')) add(event, 'stopped');
        else if (state && (state[0] === 'T' || state[0] === 't')) add(event, 'continued', { state: state[1] });
        // Kernel workers rename themselves all the time; only a user process's exec is news.
        const comm = event.changes.comm as [string, string] | undefined;
        if (comm && !before.get(event.pid)?.kernelThread) add(event, 'exec', { from: comm[0], to: comm[1] });
        break;
      }
    }
  }
  return entries;
}

/** A signal sent through ProcLab (by any window), as a timeline entry. */
export function signalEntry(report: SignalReport, record: ProcessRecord | null): TimelineEntry {
  const first = report.observed[0];
  return {
    id: nextId++,
    at: report.at,
    kind: 'signal',
    pid: report.pid,
    startTime: report.startTime,
    comm: report.comm,
    detail: {
      signal: report.signal,
      target: report.target,
      pgid: report.pgid,
      delivered: report.delivered.length,
      observed: first?.kind ?? null,
      state: first?.state ?? null,
      exitSignal: first?.exitSignal ?? null,
      exitCode: first?.exitCode ?? null,
    },
    record,
  };
}
