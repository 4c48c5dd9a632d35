// The contract's signal methods: catalog, send, renice, end tree; each send is broadcast for timelines.
import { randomUUID } from 'node:crypto';
import { ProcLabFailure } from '../../shared/contract/errors';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { ProcessControl } from '../signals/ProcessControl';
import { SignalSender } from '../signals/SignalSender';
import type { MethodHandlers, ProcLabService } from './ProcLabService';

/** The main process, and Electron's own helpers (renderer, GPU, utility: they carry --type=). */
function ownPids(table: ReadonlyMap<number, ProcessRecord>): Set<number> {
  const own = new Set([process.pid]);
  for (const p of table.values()) {
    if (
      p.ppid === process.pid &&
      p.cmdline[0] === process.execPath &&
      p.cmdline.some((arg) => arg.startsWith('--type='))
    ) {
      own.add(p.pid);
    }
  }
  return own;
}

type SignalMethods = 'getSignalCatalog' | 'sendSignal' | 'reniceProcess' | 'endProcessTree';

export function createSignalHandlers(service: ProcLabService): Pick<MethodHandlers, SignalMethods> {
  let control: { sender: SignalSender; processes: ProcessControl } | null = null;
  // Built on first use: the identity reader needs /proc, and the lab may be attached after construction.
  const controls = () => {
    if (!service.capabilities.signals)
      throw new ProcLabFailure('UNSUPPORTED', 'sending signals safely needs Linux /proc to pin processes');
    if (!control) {
      const reader = new ProcIdentityReader();
      const table = async () => {
        await service.live.ensureFresh(100);
        return service.live.table.byPid;
      };
      const sender = new SignalSender({
        catalog: service.catalog,
        reader,
        table,
        lab: {
          isLabProcess: (pid, start) => service.lab.isLabProcess(pid, start),
          exitOf: (pid, start) => service.lab.exitOf(pid, start),
        },
        ownPids,
      });
      control = { sender, processes: new ProcessControl(sender, reader, table) };
    }
    return control;
  };

  return {
    getSignalCatalog: async () => service.catalog,

    sendSignal: async (request) => {
      const report = await controls().sender.send(request);
      service.broadcast('signalSent', report);
      return report;
    },

    reniceProcess: async ({ pid, startTime, nice }) => {
      const result = await controls().processes.renice(pid, startTime, nice);
      // A sleeping process does not run for its nice to change: the sampler would not look.
      service.live.markStale(pid);
      return result;
    },

    endProcessTree: async (request, connection) => {
      const operationId = randomUUID();
      const result = await controls().processes.endTree(request, (progress) =>
        connection.emit('endTreeProgress', { operationId, pid: request.pid, ...progress }),
      );
      return { operationId, ...result };
    },
  };
}
