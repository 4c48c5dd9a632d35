// npm run bench: the engine's speed and cost at 1,000 and 5,000 idle processes, then the lab under load.
import { benchNonReadingClient } from './backpressureBench';
import { benchEngine, benchServeCpu } from './engineBench';
import { withIdle } from './IdleProcesses';
import { benchLabCapture, benchShutdownMs } from './labLoadBench';
import { benchLabOutput } from './labOutputBench';
import { benchRenderer } from './rendererBench';
import { kb, mb, ms, printTable, type Row } from './table';

const NON_READER_SECONDS = 10;

async function main(): Promise<void> {
  console.error('measuring with 1,000 idle processes (engine, then a client that never reads)...');
  const [small, smallNonReader] = await withIdle(
    1000,
    async (idle) => [await benchEngine(idle), await benchNonReadingClient(NON_READER_SECONDS)] as const,
  );
  console.error('measuring with 5,000 idle processes (engine, a client that never reads, the renderer in Chromium)...');
  const [large, largeNonReader, renderer] = await withIdle(
    5000,
    async (idle) =>
      [await benchEngine(idle), await benchNonReadingClient(NON_READER_SECONDS), await benchRenderer()] as const,
  );
  console.error('measuring proclab serve over 30 s at 1 Hz with 1,000 idle processes...');
  const idleCpu = await withIdle(1000, () => benchServeCpu(30));
  console.error('measuring the lab output path: calls while `timeout 5 yes` runs, memory after 100 MB of /dev/zero...');
  const lab = await benchLabOutput();
  const mib = (n: number | null) => (n === null ? 'server died' : `${n.toFixed(0)} MiB`);

  const rows: Row[] = [
    {
      metric: 'processes on the machine',
      values: [String(small.processes), String(large.processes)],
      target: '',
      pass: null,
    },
    {
      metric: 'ProcLab snapshot, worker + hand-off (median)',
      values: [ms(small.snapshotMedianMs), ms(large.snapshotMedianMs)],
      target: '<= 21 ms / <= 90 ms',
      pass: small.snapshotMedianMs <= 21 && large.snapshotMedianMs <= 90,
    },
    {
      metric: 'ProcLab snapshot (p95)',
      values: [ms(small.snapshotP95Ms), ms(large.snapshotP95Ms)],
      target: '',
      pass: null,
    },
    {
      metric: 'ProcLab CPU per snapshot',
      values: [ms(small.snapshotCpuMs), ms(large.snapshotCpuMs)],
      target: '',
      pass: null,
    },
    {
      metric: 'ProcLab sampler in one thread (median)',
      values: [ms(small.inThreadMedianMs), ms(large.inThreadMedianMs)],
      target: '',
      pass: null,
    },
    {
      metric: 'ps-list (median)',
      values: [ms(small.psListMedianMs), ms(large.psListMedianMs)],
      target: '',
      pass: null,
    },
    {
      metric: 'ProcLab speed-up over ps-list',
      values: [
        `${(small.psListMedianMs / small.snapshotMedianMs).toFixed(1)}x`,
        `${(large.psListMedianMs / large.snapshotMedianMs).toFixed(1)}x`,
      ],
      target: '>= 5x',
      pass: small.psListMedianMs / small.snapshotMedianMs >= 5 && large.psListMedianMs / large.snapshotMedianMs >= 5,
    },
    {
      metric: 'pidusage over all pids (median)',
      values: [ms(small.pidusageMedianMs), ms(large.pidusageMedianMs)],
      target: '',
      pass: null,
    },
    {
      metric: 'ps -eo ... as a process (median)',
      values: [ms(small.psMedianMs), ms(large.psMedianMs)],
      target: '',
      pass: null,
    },
    {
      metric: 'main event loop, worst delay, 10 s sampling every 250 ms',
      values: [ms(small.eventLoopMaxMs), ms(large.eventLoopMaxMs)],
      target: '<= 10 ms at 5,000',
      pass: large.eventLoopMaxMs <= 10,
    },
    {
      metric: 'main event loop, p99 delay',
      values: [ms(small.eventLoopP99Ms), ms(large.eventLoopP99Ms)],
      target: '',
      pass: null,
    },
    {
      metric: `tick payload, ${small.changedProcesses}/${large.changedProcesses} processes changed`,
      values: [kb(small.deltaBytes), kb(large.deltaBytes)],
      target: '',
      pass: null,
    },
    { metric: 'full snapshot payload', values: [kb(small.fullBytes), kb(large.fullBytes)], target: '', pass: null },
    {
      metric: 'tick payload / full snapshot',
      values: [
        `${((small.deltaBytes / small.fullBytes) * 100).toFixed(1)}%`,
        `${((large.deltaBytes / large.fullBytes) * 100).toFixed(1)}%`,
      ],
      target: '<= 10% (<1% changed)',
      pass: small.deltaBytes / small.fullBytes <= 0.1 && large.deltaBytes / large.fullBytes <= 0.1,
    },
    {
      metric: `IPC links scan of the idle processes (getIpcLinks, median; one link of ${small.ipcScan.largestLink}/${large.ipcScan.largestLink} ends)`,
      values: [ms(small.ipcScan.medianMs), ms(large.ipcScan.medianMs)],
      target: '',
      pass: null,
    },
    {
      metric: 'IPC links scan, CPU per scan',
      values: [ms(small.ipcScan.cpuMs), ms(large.ipcScan.cpuMs)],
      target: '',
      pass: null,
    },
    {
      metric: 'main event loop during IPC scans, p99 / worst delay',
      values: [
        `${ms(small.ipcScan.eventLoopP99Ms)} / ${ms(small.ipcScan.eventLoopMaxMs)}`,
        `${ms(large.ipcScan.eventLoopP99Ms)} / ${ms(large.ipcScan.eventLoopMaxMs)}`,
      ],
      target: 'p99 <= 10 ms',
      pass: small.ipcScan.eventLoopP99Ms <= 10 && large.ipcScan.eventLoopP99Ms <= 10,
    },
    {
      metric: 'main process CPU, 30 s at 1 Hz, 1,000 idle',
      values: [`${idleCpu.toFixed(2)}% of a core`, ''],
      target: '<= 2%',
      pass: idleCpu <= 2,
    },
    {
      metric: `server RSS growth, client not reading (250 ms updates + 20 snapshots/s, ${NON_READER_SECONDS} s), peak`,
      values: [mb(smallNonReader.peakGrowthBytes), mb(largeNonReader.peakGrowthBytes)],
      target: '<= 100 MiB',
      pass: Math.max(smallNonReader.peakGrowthBytes, largeNonReader.peakGrowthBytes) <= 100 * 2 ** 20,
    },
    {
      metric: 'server RSS growth, 3 s after that client went',
      values: [mb(smallNonReader.afterCloseGrowthBytes), mb(largeNonReader.afterCloseGrowthBytes)],
      target: '<= 100 MiB',
      pass: Math.max(smallNonReader.afterCloseGrowthBytes, largeNonReader.afterCloseGrowthBytes) <= 100 * 2 ** 20,
    },
    {
      metric: 'getInfo from another client meanwhile',
      values: [ms(smallNonReader.otherClientCallMs), ms(largeNonReader.otherClientCallMs)],
      target: '',
      pass: null,
    },
    {
      metric: `renderer: apply and draw one update (median of ${renderer.updates})`,
      values: ['', ms(renderer.updateMedianMs)],
      target: '<= 16 ms',
      pass: renderer.updateMedianMs <= 16,
    },
    {
      metric: 'renderer: apply and draw one update (p95)',
      values: ['', ms(renderer.updateP95Ms)],
      target: '',
      pass: null,
    },
    {
      metric: 'renderer: page load to first full table',
      values: ['', ms(renderer.firstTableMs)],
      target: '<= 1 s',
      pass: renderer.firstTableMs <= 1000,
    },
    {
      metric: 'call latency while `timeout 5 yes` runs (median / p95 / max)',
      values: [`${ms(lab.callMedianMs)} / ${ms(lab.callP95Ms)} / ${ms(lab.callMaxMs)}`, ''],
      target: 'max <= 250 ms',
      pass: lab.callMaxMs <= 250,
    },
    {
      metric: 'longest gap between updates (250 ms) while `yes` runs',
      values: [ms(lab.updateMaxGapMs), ''],
      target: '<= 500 ms',
      pass: lab.updateMaxGapMs <= 500,
    },
    {
      metric: '`timeout 5 yes`: exit reported after its 5 s',
      values: [ms(lab.exitLateMs), ''],
      target: '',
      pass: null,
    },
    {
      metric: 'server RSS after 100 MB of /dev/zero (now / peak)',
      values: [`${mib(lab.floodRssMiB)} / ${mib(lab.floodPeakRssMiB)}`, ''],
      target: 'peak <= 300 MiB',
      pass: lab.floodPeakRssMiB !== null && lab.floodPeakRssMiB <= 300,
    },
    {
      metric: '100 MB of /dev/zero through the lab terminal',
      values: [lab.floodSeconds === null ? 'server died' : `${lab.floodSeconds.toFixed(1)} s`, ''],
      target: '',
      pass: null,
    },
  ];
  printTable(rows, ['metric', '1,000 idle', '5,000 idle', 'target', '']);

  console.error('measuring the lab: 120 ms children under 200 spawns a second, then shutdown at 10,000 processes...');
  const capture = await benchLabCapture();
  const shutdownMs = await withIdle(10_000, benchShutdownMs);
  const captured = `${capture.reported}/${capture.children} (${((capture.reported / capture.children) * 100).toFixed(1)}%)`;
  const labRows: Row[] = [
    {
      metric: 'lab: 120 ms children reported, spawned and exited, under churn',
      values: [captured],
      target: '100%',
      pass: capture.reported === capture.children,
    },
    {
      metric: 'lab: processes the machine started per second meanwhile',
      values: [capture.forksPerSecond.toFixed(0)],
      target: '>= 200',
      pass: capture.forksPerSecond >= 200,
    },
    {
      metric: 'lab: service RSS, subscribed -> after the churned run',
      values: [`${mb(capture.rssBefore)} -> ${mb(capture.rssAfter)}`],
      target: '',
      pass: null,
    },
    {
      metric: 'proclab serve: SIGTERM to exit with a demo running, 10,000 idle processes',
      values: [ms(shutdownMs)],
      target: '<= 3 s',
      pass: shutdownMs <= 3000,
    },
  ];
  console.log('');
  printTable(labRows, ['metric', 'value', 'target', '']);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
