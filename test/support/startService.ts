// A real ProcLabService (worker thread and all) with a connection that records what it is sent.
import type { EventPayloads } from '../../src/shared/contract/methods';
import type { ProcessLine } from '../../src/shared/model/Lab';
import type { ProcessEvent } from '../../src/shared/model/ProcessEvent';
import { applyDelta } from '../../src/shared/model/ProcessDelta';
import type { ProcessRecord } from '../../src/shared/model/ProcessRecord';
import { createDispatch, type Dispatch } from '../../src/main/service/dispatch';
import path from 'node:path';
import { ProcLabService, type Connection, type ServiceOptions } from '../../src/main/service/ProcLabService';
import { ProcIdentityReader } from '../../src/main/sampler/ProcIdentityReader';
import { sourceLabWatcherEntry, sourceWorkerEntry } from './sourceWorkerEntry';
import { waitFor } from './waitFor';

export interface RecordingConnection extends Connection {
  closed: boolean;
  congested: boolean;
  updates: EventPayloads['update'][];
  signalReports: EventPayloads['signalSent'][];
  labOutput: EventPayloads['labOutput'][];
  runs: Map<string, EventPayloads['runChanged']>;
  /** What a run's terminal showed, as text; binary and cut stretches and lab notes as <kind: …>. */
  terminalText(runId: string): string;
  /** The lines of a run that named their process ("[pid] …"). */
  processLines(runId: string): ProcessLine[];
  runProcesses: EventPayloads['runProcesses'][];
  /** The table as this connection sees it, from the subscribe snapshot and every delta. */
  byPid: Map<number, ProcessRecord>;
  events: ProcessEvent[];
}

export function recordingConnection(id = 'test'): RecordingConnection {
  const connection: RecordingConnection = {
    id,
    closed: false,
    congested: false,
    updates: [],
    byPid: new Map(),
    events: [],
    signalReports: [],
    labOutput: [],
    runs: new Map(),
    terminalText: (runId) =>
      connection.labOutput
        .filter((batch) => batch.runId === runId)
        .flatMap((batch) => batch.pieces)
        .map((piece) => (piece.kind === 'text' ? piece.text : `<${piece.kind}: ${JSON.stringify(piece)}>`))
        .join(''),
    processLines: (runId) =>
      connection.labOutput.filter((batch) => batch.runId === runId).flatMap((batch) => batch.lines),
    runProcesses: [],
    emit: (event, payload) => {
      if (event === 'signalSent') connection.signalReports.push(payload as EventPayloads['signalSent']);
      if (event === 'labOutput') connection.labOutput.push(payload as EventPayloads['labOutput']);
      if (event === 'runProcesses') connection.runProcesses.push(payload as EventPayloads['runProcesses']);
      if (event === 'runChanged') {
        const run = payload as EventPayloads['runChanged'];
        connection.runs.set(run.runId, run);
      }
      if (event !== 'update') return;
      const update = payload as EventPayloads['update'];
      connection.updates.push(update);
      applyDelta(connection.byPid, update.delta);
      connection.events.push(...update.delta.events);
    },
  };
  return connection;
}

export const DEMOS_DIR = path.resolve(__dirname, '../../resources/demos');
export const TERMINAL_SCRIPT = path.resolve(__dirname, '../../resources/terminal/proclab_pty.py');

export function startService(options: Partial<ServiceOptions> = {}) {
  const service = new ProcLabService({
    workerEntry: sourceWorkerEntry,
    demosDir: DEMOS_DIR,
    terminalScript: TERMINAL_SCRIPT,
    labWatcherEntry: sourceLabWatcherEntry,
    ...options,
  });
  const dispatch = createDispatch(service);
  return { service, dispatch };
}

/**
 * The start time the service pins a process by, from a snapshot taken since the process at `pid`
 * started: an older one may still show the pid's previous owner.
 */
export function startTimeOf(dispatch: Dispatch, pid: number): Promise<number> {
  const identity = new ProcIdentityReader();
  return waitFor(`process ${pid} in a snapshot`, async () => {
    const r = await dispatch('getSnapshot', {}, recordingConnection());
    const shown = r.ok ? (r.value as { rows: ProcessRecord[] }).rows.find((row) => row.pid === pid) : undefined;
    return shown && shown.startTime === identity.read(pid)?.startTime ? shown.startTime : undefined;
  });
}
