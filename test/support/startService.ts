// A real ProcLabService (worker thread and all) with a connection that records what it is sent.
import type { EventPayloads } from '../../src/shared/contract/methods';
import type { ProcessEvent } from '../../src/shared/model/ProcessEvent';
import { applyDelta } from '../../src/shared/model/ProcessDelta';
import type { ProcessRecord } from '../../src/shared/model/ProcessRecord';
import { createDispatch } from '../../src/main/service/dispatch';
import { ProcLabService, type Connection } from '../../src/main/service/ProcLabService';
import { sourceWorkerEntry } from './sourceWorkerEntry';

export interface RecordingConnection extends Connection {
  updates: EventPayloads['update'][];
  signalReports: EventPayloads['signalSent'][];
  /** The table as this connection sees it, from the subscribe snapshot and every delta. */
  byPid: Map<number, ProcessRecord>;
  events: ProcessEvent[];
}

export function recordingConnection(id = 'test'): RecordingConnection {
  const connection: RecordingConnection = {
    id,
    updates: [],
    byPid: new Map(),
    events: [],
    signalReports: [],
    emit: (event, payload) => {
      if (event === 'signalSent') connection.signalReports.push(payload as EventPayloads['signalSent']);
      if (event !== 'update') return;
      const update = payload as EventPayloads['update'];
      connection.updates.push(update);
      applyDelta(connection.byPid, update.delta);
      connection.events.push(...update.delta.events);
    },
  };
  return connection;
}

export function startService() {
  const service = new ProcLabService({ workerEntry: sourceWorkerEntry });
  const dispatch = createDispatch(service);
  return { service, dispatch };
}
