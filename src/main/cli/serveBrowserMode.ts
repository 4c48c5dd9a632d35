// `proclab serve`: the service plus the WebSocket server, until SIGINT or SIGTERM.
import os from 'node:os';
import {
  builtDemosDir,
  builtLabWatcherEntry,
  builtRendererDir,
  builtTerminalScript,
  builtWorkerEntry,
} from '../builtPaths';
import { quietGarbageCollector } from '../quietGarbageCollector';
import type { SamplerChoice } from '../sampler/createSampler';
import { createDispatch } from '../service/dispatch';
import { ProcLabService } from '../service/ProcLabService';
import { exposureWarning, isLoopbackHost } from '../transport/loopback';
import { startWsServer } from '../transport/wsServer';

export interface ServeOptions {
  host: string;
  port: number;
  token: string | undefined;
  sampler: SamplerChoice;
  unsafeExpose: boolean;
}

export async function serveBrowserMode({ sampler, ...listen }: ServeOptions): Promise<void> {
  quietGarbageCollector();
  const service = new ProcLabService({
    workerEntry: builtWorkerEntry(),
    demosDir: builtDemosDir(),
    terminalScript: builtTerminalScript(),
    labWatcherEntry: builtLabWatcherEntry(),
    sampler,
  });
  // The URL is printed once the first sample is in: from then on a page loads at once.
  await service.warmUp();
  const server = await startWsServer({
    dispatch: createDispatch(service),
    onDisconnect: (connection) => service.disconnect(connection),
    rendererDir: builtRendererDir(),
    ...listen,
  });
  if (!isLoopbackHost(listen.host)) console.error(exposureWarning(listen.host, server.port, userName()));
  console.log(`ProcLab is serving the UI at ${server.pageUrl}`);
  const leftovers = service.supervisor?.findLeftovers() ?? [];
  if (leftovers.length > 0) {
    console.log(
      `ProcLab: ${leftovers.length} process(es) left by an earlier ProcLab are still running; the UI offers to end them`,
    );
  }
  // Whatever happens, lab processes must not outlive this process.
  process.on('exit', () => service.supervisor?.killAllNow());
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`ProcLab: ${signal} received, stopping`);
    await server.close();
    await service.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function userName(): string {
  try {
    return `user ${os.userInfo().username}`;
  } catch {
    // A uid without a passwd entry (some containers).
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}
