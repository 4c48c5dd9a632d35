// Measures the engine at one process count: ProcLab against ps-list, pidusage and ps itself.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { MIN_INTERVAL_MS } from '../src/shared/contract/methods';
import { LinuxProcSampler } from '../src/main/sampler/LinuxProcSampler';
import { SamplerThread } from '../src/main/sampler/SamplerThread';
import { LiveTable } from '../src/main/service/LiveTable';
import { DeltaAccumulator } from '../src/main/service/DeltaAccumulator';
import type { IdleProcesses } from './IdleProcesses';
import { benchIpcScan, type IpcScanResult } from './ipcBench';
import { cpuMs, median, percentile, timeEach } from './stats';

export interface EngineResult {
  processes: number;
  snapshotMedianMs: number;
  snapshotP95Ms: number;
  snapshotCpuMs: number;
  inThreadMedianMs: number;
  psListMedianMs: number;
  pidusageMedianMs: number;
  psMedianMs: number;
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
  deltaBytes: number;
  fullBytes: number;
  changedProcesses: number;
  ipcScan: IpcScanResult;
}

const SAMPLES = 30;
const LOOP_WATCH_MS = 10_000;
/** The benchmark measures what ships: the built main-process code (npm run bench builds first). */
const BUILT_MAIN = path.resolve(__dirname, '../out/main');
const builtWorker = { file: path.join(BUILT_MAIN, 'samplerWorker.js') };

export async function benchEngine(idle: IdleProcesses): Promise<EngineResult> {
  const live = new LiveTable(new SamplerThread(builtWorker));
  await live.refresh(); // the first sample opens every stat file and reads every cmdline
  await live.refresh();

  const cpuBefore = cpuMs();
  const snapshotTimes: number[] = [];
  for (let i = 0; i < SAMPLES; i++) snapshotTimes.push((await live.refresh()).totalMs);
  const snapshotCpuMs = (cpuMs() - cpuBefore) / SAMPLES;

  // The main thread while the app samples at its fastest setting (250 ms), as a window would see it.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  live.setInterval(MIN_INTERVAL_MS);
  loopDelay.enable();
  await new Promise((resolve) => setTimeout(resolve, LOOP_WATCH_MS));
  loopDelay.disable();
  live.setInterval(null);

  // Payload when under 1% of the processes change: stop some of ours and sample once.
  const changed = idle.pids.slice(0, Math.max(1, Math.floor(idle.pids.length / 200)));
  const accumulator = new DeltaAccumulator();
  for (const pid of changed) process.kill(pid, 'SIGSTOP');
  const tick = await live.refresh();
  accumulator.add(tick.diff, tick.summary);
  for (const pid of changed) process.kill(pid, 'SIGCONT');
  const deltaBytes = Buffer.byteLength(JSON.stringify(accumulator.take(1)));
  const fullBytes = Buffer.byteLength(JSON.stringify(live.table.snapshot()));
  const ipcScan = await benchIpcScan(idle.pids, live.table.byPid);
  await live.close();

  const inThread = new LinuxProcSampler();
  inThread.sample();
  const inThreadTimes = await timeEach(SAMPLES, () => inThread.sample());
  inThread.close();

  const thirdParty = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'thirdPartyTimes.ts')], {
    input: JSON.stringify(idle.pids),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  const { psListMs, pidusageMs } = JSON.parse(thirdParty.stdout) as { psListMs: number; pidusageMs: number };
  const psTimes = await timeEach(5, () =>
    spawnSync(
      'ps',
      ['-eo', 'pid,ppid,pgid,sid,tty,tpgid,uid,user,stat,ni,pri,nlwp,%cpu,%mem,rss,vsz,lstart,time,comm,args'],
      {
        maxBuffer: 256 * 1024 * 1024,
      },
    ),
  );

  return {
    processes: tick.summary.processCount,
    snapshotMedianMs: median(snapshotTimes),
    snapshotP95Ms: percentile(snapshotTimes, 95),
    snapshotCpuMs,
    inThreadMedianMs: median(inThreadTimes),
    psListMedianMs: psListMs,
    pidusageMedianMs: pidusageMs,
    psMedianMs: median(psTimes),
    eventLoopMaxMs: loopDelay.max / 1e6,
    eventLoopP99Ms: loopDelay.percentile(99) / 1e6,
    deltaBytes,
    fullBytes,
    changedProcesses: changed.length,
    ipcScan,
  };
}

/**
 * CPU of the real main process (the built `proclab serve`, worker thread included) while one
 * WebSocket subscriber is served at 1 Hz, read from its /proc/PID/stat.
 */
export async function benchServeCpu(seconds: number): Promise<number> {
  const server = spawn(process.execPath, [path.join(BUILT_MAIN, 'cli.js'), 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const wsUrl = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        const match = /http:\/\/([^/]+)\/\?token=(\S+)/.exec(chunk.toString());
        if (match) resolve(`ws://${match[1]}/ws?token=${match[2]}`);
      });
      server.once('exit', () => reject(new Error('proclab serve exited')));
    });
    const ws = new WebSocket(wsUrl);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ id: 1, method: 'subscribe', params: { intervalMs: 1000 } }));
    await new Promise((resolve) => ws.once('message', resolve));
    const cpuOf = () => {
      const stat = readFileSync(`/proc/${server.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    };
    // Let start-up (module loading, the first full sample) pass before measuring.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const before = cpuOf();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const percent = ((cpuOf() - before) / (performance.now() - started)) * 100;
    ws.close();
    return percent;
  } finally {
    server.kill('SIGTERM');
  }
}
