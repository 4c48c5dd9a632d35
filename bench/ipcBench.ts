// Measures getIpcLinks' scan over the benchmark's idle processes: their fd tables, and the one
// pipe they all inherited (1,000 or 5,000 writers: the largest link a scan can build).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { IpcScanner } from '../src/main/ipc/IpcScanner';
import type { ProcessRecord } from '../src/shared/model/ProcessRecord';
import { cpuMs, median, timeEach } from './stats';

export interface IpcScanResult {
  medianMs: number;
  cpuMs: number;
  scanned: number;
  largestLink: number;
  /** The scan reads synchronously in slices: the longest the event loop waited meanwhile. */
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
}

const SCANS = 10;

export async function benchIpcScan(pids: number[], table: ReadonlyMap<number, ProcessRecord>): Promise<IpcScanResult> {
  const scanner = new IpcScanner();
  const first = await scanner.scan(pids, table);
  const cpuBefore = cpuMs();
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  loopDelay.enable();
  const times = await timeEach(SCANS, () => scanner.scan(pids, table));
  loopDelay.disable();
  return {
    eventLoopMaxMs: loopDelay.max / 1e6,
    eventLoopP99Ms: loopDelay.percentile(99) / 1e6,
    medianMs: median(times),
    cpuMs: (cpuMs() - cpuBefore) / SCANS,
    scanned: first.scanned,
    largestLink: Math.max(0, ...first.links.map((link) => link.ends.length)),
  };
}
