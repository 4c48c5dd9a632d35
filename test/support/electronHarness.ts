// Runs the built Electron main process under the Electron stand-in (a harness process with its own
// Chromium), connects the test to its window over CDP, and kills all it started, even on failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { procState } from './ChildProcesses';
import { REPORT_PREFIX, type StandInReport } from './electronStandIn/report';
import { killTaggedProcesses } from './labProcesses';
import { waitFor } from './waitFor';

const ROOT = path.resolve(__dirname, '../..');
const LAUNCHER = path.join(__dirname, 'electronStandIn/launch.cjs');
/** Within vitest's hook timeout, so that a start that fails shows the harness's output. */
const STARTUP_MS = 45_000;

type Report<T extends StandInReport['type']> = Extract<StandInReport, { type: T }>;

/** The harness process: its output, what the stand-in reported, and when it ended. */
class HarnessProcess {
  readonly child: ChildProcess & { pid: number };
  readonly reports: StandInReport[] = [];
  readonly exited: Promise<number | null>;
  output = '';
  errorOutput = '';
  running = true;
  private readonly facts = new EventEmitter();
  private partialLine = '';

  constructor() {
    const env = { ...process.env };
    delete env.ELECTRON_RENDERER_URL;
    const child = spawn(process.execPath, [LAUNCHER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid === undefined) throw new Error('could not start the harness process');
    this.child = child as ChildProcess & { pid: number };
    child.stdout!.on('data', (chunk: Buffer) => this.read(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => {
      this.output += chunk.toString();
      this.errorOutput += chunk.toString();
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.running = false;
        this.facts.emit('change');
        resolve(code);
      }),
    );
  }

  find<T extends StandInReport['type']>(type: T): Report<T> | undefined {
    return this.reports.find((fact): fact is Report<T> => fact.type === type);
  }

  /** The first report of a type; fails at once, with the harness's output, if it exits first. */
  reported<T extends StandInReport['type']>(type: T): Promise<Report<T>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const fact = this.find(type);
        if (fact) settle(() => resolve(fact));
        else if (!this.running) settle(() => reject(new Error(`the harness exited:\n${this.output}`)));
      };
      const settle = (done: () => void) => {
        clearTimeout(deadline);
        this.facts.off('change', check);
        done();
      };
      const late = () => reject(new Error(`no ${type} from the harness in ${STARTUP_MS} ms:\n${this.output}`));
      const deadline = setTimeout(() => settle(late), STARTUP_MS);
      this.facts.on('change', check);
      check();
    });
  }

  private read(text: string): void {
    this.output += text;
    const lines = (this.partialLine + text).split('\n');
    this.partialLine = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith(REPORT_PREFIX)) this.reports.push(JSON.parse(line.slice(REPORT_PREFIX.length)));
    }
    this.facts.emit('change');
  }
}

export interface ElectronHarness {
  process: ChildProcess & { pid: number };
  /** Everything the stand-in reported, in order. */
  reports: StandInReport[];
  ready: Report<'ready'>;
  /** The app's window as the test drives it (a second CDP client of the same page). */
  page: Page;
  /** What the main process wrote to stderr (its errors, and Electron's log of failed handlers). */
  errorOutput(): string;
  /** Resolves with the exit code once the harness process has ended. */
  exited: Promise<number | null>;
  close(): Promise<void>;
}

export async function startElectronHarness(): Promise<ElectronHarness> {
  if (!existsSync(path.join(ROOT, 'out/main/index.js'))) throw new Error('run npm run build first');
  const harness = new HarnessProcess();
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    if (harness.running) {
      harness.child.kill('SIGKILL');
      await harness.exited;
    }
    const ready = harness.find('ready');
    if (ready) await killChromium(ready);
    await killTaggedProcesses(harness.child.pid);
  };
  try {
    const { url } = await harness.reported('loaded');
    const ready = harness.find('ready')!;
    browser = await chromium.connectOverCDP(ready.cdpEndpoint);
    const page = browser
      .contexts()[0]
      ?.pages()
      .find((candidate) => candidate.url() === url);
    if (!page) throw new Error(`no page at ${url}`);
    return {
      process: harness.child,
      reports: harness.reports,
      ready,
      page,
      errorOutput: () => harness.errorOutput,
      exited: harness.exited,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Chromium runs in its own process group: kill the group, if its leader is still that Chromium. */
async function killChromium({ chromiumPid, userDataDir }: Report<'ready'>): Promise<void> {
  const isOurChromium = () => {
    try {
      return readFileSync(`/proc/${chromiumPid}/cmdline`, 'latin1').includes(`--user-data-dir=${userDataDir}`);
    } catch {
      return false;
    }
  };
  if (isOurChromium()) {
    try {
      process.kill(-chromiumPid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  await waitFor('the stand-in’s Chromium to end', () => [null, 'Z'].includes(procState(chromiumPid)));
  rmSync(userDataDir, { recursive: true, force: true });
}
