// Implements the contract once; the IPC and WebSocket adapters only carry its calls and events.
import os from 'node:os';
import { ProcLabFailure } from '../../shared/contract/errors';
import {
  MAX_INTERVAL_MS,
  MIN_INTERVAL_MS,
  type Capabilities,
  type EventPayloads,
  type MethodResults,
  type ParsedParams,
} from '../../shared/contract/methods';
import type { EventName, MethodName } from '../../shared/contract/names';
import { capabilitiesOf, type SamplerChoice } from '../sampler/createSampler';
import { SamplerThread, type WorkerEntry } from '../sampler/SamplerThread';
import type { SignalInfo } from '../../shared/model/Signals';
import { buildSignalCatalog } from '../signals/signalCatalog';
import type { LabMembership } from '../signals/SignalSender';
import { LiveTable } from './LiveTable';
import type { DemoRuntimes } from '../lab/demoRuntimes';
import { LabSupervisor } from '../lab/LabSupervisor';
import { RunProcessFeed } from '../lab/RunProcessFeed';
import { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { createDetailsHandler } from './detailsHandler';
import { createIpcHandler } from './ipcHandler';
import { createLabHandlers, labUnavailable } from './labHandlers';
import { createSignalHandlers } from './signalHandlers';
import { SubscriptionHub } from './SubscriptionHub';
import { PROCLAB_VERSION } from './version';

/** Who is calling: one window or one socket. Its subscriptions end with it. */
export interface Connection {
  id: string;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** The window or socket is gone (it may go while one of its calls is still running). */
  readonly closed: boolean;
  /** The other end has not taken what it was sent yet: live updates wait and merge meanwhile. */
  readonly congested: boolean;
}

export type MethodHandlers = {
  [M in MethodName]: (params: ParsedParams<M>, connection: Connection) => Promise<MethodResults[M]>;
};

export interface ServiceOptions {
  workerEntry: WorkerEntry;
  sampler?: SamplerChoice;
  /** resources/demos and the lab watcher thread's code; without both the lab is off. */
  demosDir?: string;
  labWatcherEntry?: WorkerEntry;
  /** Caps of each lab run, and how many finished runs are kept. */
  labLimits?: {
    maxProcessesPerRun?: number;
    maxRunMs?: number;
    stopGraceMs?: number;
    maxFinishedRuns?: number;
    watchersLingerMs?: number;
  };
  /** Where the lab keeps its run records (tests; else defaultRecordsDir()). */
  labRecordsDir?: string;
  /**
   * How the lab finds python3 (for the demos' Python editions and for its terminal), sh and node;
   * a test gives it a PATH without python3.
   */
  demoRuntimes?: DemoRuntimes;
  /** The lab's terminal helper (resources/terminal/proclab_pty.py); without it, runs go on pipes. */
  terminalScript?: string;
}

export class ProcLabService {
  readonly live: LiveTable;
  readonly hub: SubscriptionHub;
  private readonly thread: SamplerThread;
  /** Decided once, from the sampler's kind (capabilitiesOf); the lab also needs its demos. */
  readonly capabilities: Capabilities;
  private readonly connections = new Set<Connection>();
  readonly catalog: SignalInfo[];
  /** Which processes the demo lab started; the lab supervisor replaces this. */
  lab: LabMembership = { isLabProcess: () => false, exitOf: () => undefined };

  constructor(options: ServiceOptions) {
    this.thread = new SamplerThread(options.workerEntry, options.sampler);
    const can = capabilitiesOf(this.thread.kind);
    // Linux's real-time signals (34..64) come with Linux, where the /proc sampler runs.
    this.catalog = buildSignalCatalog(this.thread.kind === 'linux-proc');
    this.live = new LiveTable(this.thread);
    this.hub = new SubscriptionHub(this.live);
    const labParts = options.demosDir !== undefined && options.labWatcherEntry !== undefined;
    this.capabilities = { ...can, lab: can.lab && labParts };
    if (options.demosDir && options.labWatcherEntry && can.lab) {
      this.supervisor = new LabSupervisor({
        live: this.live,
        reader: new ProcIdentityReader(),
        demosDir: options.demosDir,
        watcherEntry: options.labWatcherEntry,
        recordsDir: options.labRecordsDir,
        broadcast: (event, payload) => this.broadcast(event, payload),
        ...options.labLimits,
        runtimes: options.demoRuntimes,
        terminalScript: options.terminalScript,
      });
      this.lab = this.supervisor;
      const supervisor = this.supervisor;
      this.runFeed = new RunProcessFeed({
        live: this.live,
        runs: () => supervisor.runsWithMembers(),
        broadcast: (event, payload) => this.broadcast(event, payload),
      });
    }
  }

  /** The demo lab; null where it cannot run (no /proc, or no demos directory given). */
  readonly supervisor: LabSupervisor | null = null;
  /** Each run's processes at the lab's sampling rate; null without the lab. */
  private readonly runFeed: RunProcessFeed | null = null;

  readonly handlers: MethodHandlers = {
    getInfo: async () => ({
      version: PROCLAB_VERSION,
      platform: process.platform,
      hostname: os.hostname(),
      cpuCount: os.cpus().length,
      sampler: this.thread.kind,
      capabilities: this.capabilities,
      servicePid: process.pid,
      serviceUid: process.getuid?.() ?? -1,
      minIntervalMs: MIN_INTERVAL_MS,
      maxIntervalMs: MAX_INTERVAL_MS,
      subscriptionCount: this.hub.size,
    }),

    getSnapshot: async () => {
      await this.live.ensureFresh(MIN_INTERVAL_MS);
      return this.live.table.snapshot();
    },

    subscribe: async ({ intervalMs }, connection) => {
      await this.live.ensureFresh(MIN_INTERVAL_MS);
      const snapshot = this.live.table.snapshot();
      const subscriptionId = this.hub.add(connection.id, intervalMs, {
        send: (id, delta) => connection.emit('update', { subscriptionId: id, delta }),
        isCongested: () => connection.congested,
      });
      return { subscriptionId, intervalMs, snapshot };
    },

    unsubscribe: async ({ subscriptionId }, connection) => {
      this.requireSubscription(subscriptionId, connection);
      this.hub.remove(subscriptionId);
      return { subscriptionId };
    },

    setRefreshInterval: async ({ subscriptionId, intervalMs }, connection) => {
      this.requireSubscription(subscriptionId, connection);
      this.hub.setInterval(subscriptionId, intervalMs);
      return { subscriptionId, intervalMs };
    },

    setPaused: async ({ subscriptionId, paused }, connection) => {
      this.requireSubscription(subscriptionId, connection);
      this.hub.setPaused(subscriptionId, paused);
      return { subscriptionId, paused };
    },

    ...createSignalHandlers(this),
    ...createLabHandlers(
      () => this.supervisor ?? labUnavailable(),
      () => this.runFeed ?? labUnavailable(),
    ),

    ...createDetailsHandler(this),
    ...createIpcHandler(this, () => this.runFeed ?? labUnavailable()),
  };

  /**
   * Takes the first sample now: it opens every stat file and reads every command line, which
   * at 5,000 processes takes a good part of a second that the first page load should not wait.
   * Meanwhile the lab finds python3, which would otherwise stop the event loop on the first page.
   */
  async warmUp(): Promise<void> {
    await Promise.all([this.live.refresh(), this.supervisor?.prepare()]);
  }

  /** A window or socket went away: drop what it subscribed to. Safe to call again. */
  disconnect(connection: Connection): void {
    this.hub.removeOwner(connection.id);
    this.connections.delete(connection);
  }

  /** Tells every connection (every window, every socket) of something, e.g. a signal sent. */
  broadcast<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const connection of this.connections) connection.emit(event, payload);
  }

  /** Remembers who may hear broadcasts; the dispatcher calls it for every call. */
  register(connection: Connection): void {
    if (!connection.closed) this.connections.add(connection);
  }

  /**
   * Stops every lab run (leaving nothing behind) and the sampler, side by side: stopping a run
   * reads /proc itself, and a sample under way can take a second with 10,000 processes.
   */
  async close(): Promise<void> {
    await Promise.all([this.supervisor?.shutdown(), this.live.close()]);
  }

  private requireSubscription(subscriptionId: string, connection: Connection): void {
    if (!this.hub.has(subscriptionId, connection.id)) {
      throw new ProcLabFailure('INVALID_ARGUMENT', `no subscription ${subscriptionId} on this connection`);
    }
  }
}
