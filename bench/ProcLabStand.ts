// ProcLab as a user runs it, for the benchmark: `proclab serve` with its page in headless Chromium,
// the pids to measure, and what the page and the server can tell about themselves.
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import {
  openBrowser,
  startBrowserModeServer,
  type BrowserModeServer,
  type BrowserSession,
} from '../test/support/browserMode';
import type { CpuProfile } from './cpuProfile';
import { cmdlineOf, cpuMsOf, processTree } from './procStat';

const LOOP_DELAY_PROBE = path.join(__dirname, 'loopDelayProbe.cjs');
const FIRST_TABLE = 'proclab:first-table';

export interface LoopDelay {
  /** How late a 1 ms timer ran, wall clock (waits for a core on a loaded machine included). */
  maxMs: number;
  p99Ms: number;
  /** The longest the main thread ran on a CPU between two such timers: what the server blocked itself. */
  maxBusyMs: number;
}

/** From CDP Performance.getMetrics: main-thread busy time, DOM size, JS heap. */
export interface PageMetrics {
  taskSeconds: number;
  nodes: number;
  jsHeapBytes: number;
}

export interface StandOptions {
  /** Write the server's main-thread CPU profile (node --cpu-prof) there when it stops. */
  serverProfileDir?: string;
}

export class ProcLabStand {
  private pageRenderer: number | null = null;

  private constructor(
    readonly server: BrowserModeServer,
    private readonly session: BrowserSession,
    private readonly cdp: CDPSession,
    private readonly chromiumPid: number,
  ) {}

  static async open(options: StandOptions = {}): Promise<ProcLabStand> {
    const nodeArgs = ['--require', LOOP_DELAY_PROBE];
    if (options.serverProfileDir) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.serverProfileDir}`);
    const server = await startBrowserModeServer(['--port', '0'], process.env, nodeArgs);
    let session: BrowserSession | undefined;
    try {
      session = await openBrowser();
      const cdp = await session.page.context().newCDPSession(session.page);
      await cdp.send('Performance.enable');
      return new ProcLabStand(server, session, cdp, chromiumChildPid());
    } catch (error) {
      await session?.close();
      await server.stop();
      throw error;
    }
  }

  get page(): Page {
    return this.session.page;
  }

  get serverPid(): number {
    return this.server.process.pid!;
  }

  /** The browser process and everything below it (zygotes, GPU, network service, renderers). */
  chromiumPids(): number[] {
    return processTree(this.chromiumPid);
  }

  /** The renderer process of the page (found by load()). */
  get rendererPid(): number {
    if (this.pageRenderer === null) throw new Error('load the page first');
    return this.pageRenderer;
  }

  /**
   * Chromium keeps more renderers than pages (spares, its own WebUI): the page's is the one whose
   * CPU time grows while the page spins for 300 ms.
   */
  private async findPageRenderer(): Promise<number> {
    const renderers = this.chromiumPids().filter((pid) => commandLine(pid).includes(' --type=renderer'));
    const before = renderers.map((pid) => cpuMsOf(pid) ?? 0);
    await this.page.evaluate(() => {
      const until = performance.now() + 300;
      while (performance.now() < until);
    });
    const grown = renderers.map((pid, i) => (cpuMsOf(pid) ?? 0) - before[i]!);
    return renderers[grown.indexOf(Math.max(...grown))]!;
  }

  /** Loads (or reloads) the page and waits for its first full table: ms from navigation start. */
  async load(): Promise<number> {
    if (this.page.url().startsWith('http')) await this.page.reload();
    else await this.page.goto(this.server.pageUrl);
    await this.page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_TABLE, {
      timeout: 120_000,
    });
    const firstTableMs = await this.page.evaluate(
      (name) => performance.getEntriesByName(name)[0]!.duration,
      FIRST_TABLE,
    );
    this.pageRenderer = await this.findPageRenderer();
    return firstTableMs;
  }

  /** The server's worst and p99 event-loop delay over the next `seconds`. */
  async loopDelay(seconds: number): Promise<LoopDelay> {
    process.kill(this.serverPid, 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const seen = this.server.stderr().length;
    process.kill(this.serverPid, 'SIGUSR2');
    for (;;) {
      const match = /proclab-loop-delay (\{.*\})\n/.exec(this.server.stderr().slice(seen));
      if (match) return JSON.parse(match[1]!) as LoopDelay;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async metrics(): Promise<PageMetrics> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { taskSeconds: value('TaskDuration'), nodes: value('Nodes'), jsHeapBytes: value('JSHeapUsedSize') };
  }

  /** From now on, every animation frame over 50 ms (Long Animation Frames API) is recorded. */
  async watchLongFrames(): Promise<void> {
    await this.page.evaluate(() => {
      const frames: number[] = [];
      const described: string[] = [];
      Object.assign(window, { longFrames: frames, longFramesDescribed: described });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          frames.push(entry.duration);
          // Where the frame went: its scripts (longest first), then style, layout and paint.
          const frame = entry as PerformanceEntry & {
            renderStart: number;
            styleAndLayoutStart: number;
            scripts: { invoker: string; sourceFunctionName: string; duration: number }[];
          };
          const scripts = [...frame.scripts]
            .sort((a, b) => b.duration - a.duration)
            .slice(0, 3)
            .map((script) => `${script.invoker} ${script.sourceFunctionName} ${Math.round(script.duration)} ms`);
          const end = entry.startTime + entry.duration;
          const render = frame.renderStart ? Math.round(frame.styleAndLayoutStart - frame.renderStart) : 0;
          const layout = frame.styleAndLayoutStart ? Math.round(end - frame.styleAndLayoutStart) : 0;
          described.push(
            `${Math.round(entry.duration)} ms at ${Math.round(entry.startTime)}: ` +
              `${scripts.join(', ') || 'no script'}; render ${render} ms, style+layout+paint ${layout} ms`,
          );
        }
      }).observe({ type: 'long-animation-frame' });
    });
  }

  /** Each long frame with where its time went (scripts, rendering). */
  async longFramesDescribed(): Promise<string[]> {
    return this.page.evaluate(
      () => (window as unknown as { longFramesDescribed?: string[] }).longFramesDescribed ?? [],
    );
  }

  async longFrames(): Promise<number[]> {
    return this.page.evaluate(() => (window as unknown as { longFrames?: number[] }).longFrames ?? []);
  }

  /** The page's main thread profiled by V8 through CDP while `during` runs. */
  async profileRenderer(during: () => Promise<void>): Promise<CpuProfile> {
    await this.cdp.send('Profiler.enable');
    await this.cdp.send('Profiler.start');
    let failure: unknown = null;
    await during().catch((error: unknown) => (failure = error));
    const { profile } = await this.cdp.send('Profiler.stop');
    await this.cdp.send('Profiler.disable');
    if (failure) throw failure;
    return profile as CpuProfile;
  }

  consoleErrors(): string[] {
    return this.session.consoleErrors;
  }

  async close(): Promise<void> {
    await this.session.close();
    await this.server.stop();
  }
}

/** Chromium rewrites its command line as one string with spaces: search it as such. */
const commandLine = (pid: number) => cmdlineOf(pid).join(' ');

/** Playwright starts Chromium below this process; its browser process is the one without a --type. */
function chromiumChildPid(): number {
  const browser = processTree(process.pid).find(
    (pid) => pid !== process.pid && /^\S*chrom/.test(commandLine(pid)) && !commandLine(pid).includes(' --type='),
  );
  if (browser === undefined) throw new Error('could not find the Chromium browser process');
  return browser;
}
