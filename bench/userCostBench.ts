// What a user pays at one process count: ProcLab's server and page against btop and htop, quiet and under churn.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Churn } from './Churn';
import type { CpuProfile } from './cpuProfile';
import { withIdle } from './IdleProcesses';
import { interact } from './interactions';
import { CpuMeter, openProcFilesOf, processCount, rssOf } from './procStat';
import { ProcLabStand, type LoopDelay } from './ProcLabStand';
import { median } from './stats';
import { TerminalMonitor, type MonitorName } from './TerminalMonitor';

/** % of one core for each, measured over the same window. */
export interface CostWindow {
  server: number;
  /** The page's renderer process. */
  renderer: number;
  /** Chromium's whole process tree: browser, GPU, network service, renderers. */
  chromium: number;
  btop: number | null;
  htop: number | null;
  /** Renderer main-thread busy time (CDP TaskDuration), ms per second. */
  rendererBusyMsPerSecond: number;
  domNodes: number;
  loop: LoopDelay;
}

export interface ChurnMemory {
  minutes: number;
  rssStart: number;
  rssEnd: number;
  rssPeak: number;
  heapStart: number;
  heapEnd: number;
}

export interface SizeResult {
  idle: number;
  processes: number;
  loadAverage: number;
  firstTableMs: number;
  quiet: CostWindow;
  churn: CostWindow | null;
  churnMemory: ChurnMemory | null;
  /** Renderer CPU with live updates paused: nothing in view changes. */
  pausedRenderer: number;
  /**
   * Renderer CPU, still paused, while a script in the page changes one word of the summary once a
   * second: what one frame a second costs, whatever it draws (the floor of any live page).
   */
  oneFrameRenderer: number;
  serverRss: number;
  /** /proc files the server keeps open: each holds a page of kernel memory that no RSS shows. */
  serverProcFiles: number;
  longFrames: number[];
  /** Each long frame with where its time went, printed with the profiles. */
  longFramesDescribed: string[];
  profiles: { name: string; profile: CpuProfile }[];
}

export interface SizeOptions {
  windowSeconds: number;
  churn: boolean;
  /** Keep the churn going this long to see whether the page's memory stays flat; 0: just the CPU window. */
  churnMinutes: number;
  /** Write CPU profiles (renderer through CDP, server with --cpu-prof) into this folder. */
  profileDir: string | null;
}

export const CHURN_PER_SECOND = 20;
export const CHURN_LIFETIME_SECONDS = 2;
const SETTLE_MS = 5_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function measureWindow(
  stand: ProcLabStand,
  monitors: Map<MonitorName, TerminalMonitor>,
  seconds: number,
): Promise<CostWindow> {
  const meters = {
    server: new CpuMeter(() => [stand.serverPid]),
    renderer: new CpuMeter(() => [stand.rendererPid]),
    chromium: new CpuMeter(() => stand.chromiumPids()),
    btop: new CpuMeter(() => (monitors.has('btop') ? [monitors.get('btop')!.pid] : [])),
    htop: new CpuMeter(() => (monitors.has('htop') ? [monitors.get('htop')!.pid] : [])),
  };
  const before = await stand.metrics();
  for (const meter of Object.values(meters)) meter.start();
  await sleep(seconds * 1000);
  const cpu = Object.fromEntries(Object.entries(meters).map(([name, meter]) => [name, meter.stop()]));
  const after = await stand.metrics();
  return {
    server: cpu.server!,
    renderer: cpu.renderer!,
    chromium: cpu.chromium!,
    btop: monitors.has('btop') ? cpu.btop! : null,
    htop: monitors.has('htop') ? cpu.htop! : null,
    rendererBusyMsPerSecond: ((after.taskSeconds - before.taskSeconds) * 1000) / seconds,
    domNodes: after.nodes,
    // Watched after the CPU window, not during it: watching costs the server CPU.
    loop: await stand.loopDelay(Math.max(5, seconds / 2)),
  };
}

function startMonitors(): Map<MonitorName, TerminalMonitor> {
  const monitors = new Map<MonitorName, TerminalMonitor>();
  for (const name of ['btop', 'htop'] as const) {
    const monitor = TerminalMonitor.start(name);
    if (monitor) monitors.set(name, monitor);
  }
  return monitors;
}

type WithWordTimer = Window & { benchWordTimer?: number };

/** Renderer CPU with live updates paused: nothing in view changing, then one word a second (see SizeResult). */
async function pausedRendererCpu(
  stand: ProcLabStand,
  seconds: number,
): Promise<{ pausedRenderer: number; oneFrameRenderer: number }> {
  const rendererCpu = async () => {
    const meter = new CpuMeter(() => [stand.rendererPid]);
    meter.start();
    await sleep(seconds * 1000);
    return meter.stop();
  };
  await stand.page.getByTestId('pause').click();
  await sleep(2000);
  const pausedRenderer = await rendererCpu();
  // A word of its own beside the summary's, so React's nodes are left alone; removed before resuming.
  await stand.page.evaluate(() => {
    const word = document.createElement('span');
    word.id = 'bench-word';
    document.querySelector('.summary')!.append(word);
    (window as WithWordTimer).benchWordTimer = window.setInterval(() => {
      word.textContent = String(Date.now() % 1000);
    }, 1000);
  });
  const oneFrameRenderer = await rendererCpu();
  await stand.page.evaluate(() => {
    window.clearInterval((window as WithWordTimer).benchWordTimer);
    document.getElementById('bench-word')?.remove();
  });
  await stand.page.getByTestId('pause').click();
  return { pausedRenderer, oneFrameRenderer };
}

interface PageMemory {
  rss: number;
  heap: number;
}

async function pageMemory(stand: ProcLabStand): Promise<PageMemory> {
  return { rss: rssOf(stand.rendererPid) ?? NaN, heap: (await stand.metrics()).jsHeapBytes };
}

/** The page's memory from the start of churn until `minutes` have passed since, sampled every 5 s. */
async function followChurnMemory(
  stand: ProcLabStand,
  start: PageMemory & { at: number },
  minutes: number,
): Promise<ChurnMemory> {
  let rssPeak = start.rss;
  while (performance.now() - start.at < minutes * 60_000) {
    await sleep(5000);
    rssPeak = Math.max(rssPeak, rssOf(stand.rendererPid) ?? NaN);
  }
  const end = await pageMemory(stand);
  return { minutes, rssStart: start.rss, rssEnd: end.rss, rssPeak, heapStart: start.heap, heapEnd: end.heap };
}

/** Runs `during` (by default, when profiling: one window of waiting), under the page's profiler if profiles are asked for. */
type Profiler = (phase: string, during?: () => Promise<void>) => Promise<void>;
type CostPhases = Pick<SizeResult, 'quiet' | 'churn' | 'churnMemory' | 'serverRss' | 'serverProcFiles'>;

/** Quiet, then churn, with btop and htop measured alongside; then the churn goes on for the memory. */
async function measureCosts(stand: ProcLabStand, options: SizeOptions, profile: Profiler): Promise<CostPhases> {
  const monitors = startMonitors();
  const churn = new Churn(CHURN_PER_SECOND, CHURN_LIFETIME_SECONDS);
  try {
    await sleep(SETTLE_MS);
    const quiet = await measureWindow(stand, monitors, options.windowSeconds);
    const quietServerRss = rssOf(stand.serverPid) ?? NaN;
    const serverProcFiles = openProcFilesOf(stand.serverPid);
    if (!options.churn) return { quiet, churn: null, churnMemory: null, serverRss: quietServerRss, serverProcFiles };
    churn.start();
    const churnStart = { at: performance.now(), ...(await pageMemory(stand)) };
    await sleep(SETTLE_MS);
    const churnCost = await measureWindow(stand, monitors, options.windowSeconds);
    const serverRss = Math.max(quietServerRss, rssOf(stand.serverPid) ?? NaN);
    for (const monitor of monitors.values()) monitor.stop();
    await profile('churn');
    const churnMemory =
      options.churnMinutes > 0 ? await followChurnMemory(stand, churnStart, options.churnMinutes) : null;
    return { quiet, churn: churnCost, churnMemory, serverRss, serverProcFiles };
  } finally {
    for (const monitor of monitors.values()) monitor.stop();
    await churn.stop();
  }
}

export function benchSize(idleCount: number, options: SizeOptions): Promise<SizeResult> {
  return withIdle(idleCount, async () => {
    const serverProfileDir = options.profileDir ? path.join(options.profileDir, `server-${idleCount}`) : undefined;
    const stand = await ProcLabStand.open({ serverProfileDir });
    const profiles: SizeResult['profiles'] = [];
    const profile: Profiler = async (phase, during) => {
      if (!options.profileDir) return during?.();
      const name = `renderer, ${idleCount} idle, ${phase}`;
      const run = during ?? (() => sleep(options.windowSeconds * 1000));
      profiles.push({ name, profile: await stand.profileRenderer(run) });
    };
    try {
      const loads = [await stand.load(), await stand.load(), await stand.load()];
      await stand.watchLongFrames();
      const loadAverage = os.loadavg()[0]!;
      const processes = processCount();
      const costs = await measureCosts(stand, options, profile);
      await sleep(SETTLE_MS); // the churn's ghosts fade
      await profile('quiet');
      const paused = await pausedRendererCpu(stand, options.windowSeconds / 2);
      await profile('interactions', () => interact(stand.page));
      const longFrames = await stand.longFrames();
      const longFramesDescribed = await stand.longFramesDescribed();
      if (stand.consoleErrors().length > 0) throw new Error(`console errors: ${stand.consoleErrors().join('; ')}`);
      const firstTableMs = median(loads);
      return {
        idle: idleCount,
        processes,
        loadAverage,
        firstTableMs,
        ...costs,
        ...paused,
        longFrames,
        longFramesDescribed,
        profiles,
      };
    } finally {
      await stand.close();
    }
  });
}

/** Saves each renderer profile as a .cpuprofile (DevTools opens it) beside the server's. */
export function saveProfiles(dir: string, result: SizeResult): void {
  mkdirSync(dir, { recursive: true });
  for (const { name, profile } of result.profiles)
    writeFileSync(path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`), JSON.stringify(profile));
}
