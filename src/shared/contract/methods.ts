// The contract, declared once: each method's parameters (validated with zod) and result type.
import { z } from 'zod';
import type { ProcessDelta } from '../model/ProcessDelta';
import type { ProcessDetails } from '../model/ProcessDetails';
import type { Snapshot } from '../model/ProcessRecord';
import type { IpcLinks } from '../model/IpcLinks';
import {
  RUN_LANGUAGES,
  type DemoInfo,
  type Leftover,
  type OutputBatch,
  type RunInfo,
  type RunOutputSnapshot,
} from '../model/Lab';
import type { RunProcesses } from '../model/RunProcesses';
import type { SignalInfo, SignalReport } from '../model/Signals';
import type { EventName, MethodName } from './names';

import { DEFAULT_INTERVAL_MS, MAX_INTERVAL_MS, MAX_IPC_PIDS, MIN_INTERVAL_MS } from './limits';

export { DEFAULT_INTERVAL_MS, MAX_INTERVAL_MS, MIN_INTERVAL_MS };

const intervalMs = z.number().int().min(MIN_INTERVAL_MS).max(MAX_INTERVAL_MS);
const subscriptionId = z.string().min(1).max(64);
const runId = z.string().regex(/^[0-9a-f]{8}$/, 'a run id is 8 hex digits');
/** The language the run's programs print in (LANGUAGE in their environment); absent: as inherited. */
const language = z.enum(RUN_LANGUAGES).optional();
const pid = z
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const methodParams = {
  getInfo: z.object({}).strict(),
  getSnapshot: z.object({}).strict(),
  subscribe: z.object({ intervalMs: intervalMs.default(DEFAULT_INTERVAL_MS) }).strict(),
  unsubscribe: z.object({ subscriptionId }).strict(),
  setRefreshInterval: z.object({ subscriptionId, intervalMs }).strict(),
  setPaused: z.object({ subscriptionId, paused: z.boolean() }).strict(),
  getProcessDetails: z.object({ pid, startTime: z.number().optional() }).strict(),
  getSignalCatalog: z.object({}).strict(),
  sendSignal: z
    .object({
      pid,
      startTime: z.number(),
      signal: z.union([z.string().min(1).max(16), z.number().int().min(1).max(64)]),
      target: z.enum(['process', 'group', 'subtree']).default('process'),
      confirmed: z.boolean().default(false),
      confirmOwn: z.boolean().default(false),
    })
    .strict(),
  reniceProcess: z.object({ pid, startTime: z.number(), nice: z.number().int().min(-20).max(19) }).strict(),
  endProcessTree: z
    .object({
      pid,
      startTime: z.number(),
      graceMs: z.number().int().min(200).max(60_000).default(3_000),
      confirmed: z.boolean().default(false),
      confirmOwn: z.boolean().default(false),
    })
    .strict(),
  listDemos: z.object({}).strict(),
  startDemo: z.object({ demoId: z.string().min(1).max(64), language }).strict(),
  runCommand: z
    .object({ commandLine: z.string().min(1).max(4096), cwd: z.string().min(1).max(4096).optional(), language })
    .strict(),
  writeTerminal: z.object({ runId, data: z.string().min(1).max(4096) }).strict(),
  resizeTerminal: z
    .object({ runId, cols: z.number().int().min(2).max(1000), rows: z.number().int().min(1).max(500) })
    .strict(),
  sendTerminalKey: z.object({ runId, key: z.enum(['ctrl-c', 'ctrl-backslash', 'ctrl-z']) }).strict(),
  stopRun: z.object({ runId }).strict(),
  listRuns: z.object({}).strict(),
  getRunOutput: z.object({ runId }).strict(),
  getRunProcesses: z.object({ runId }).strict(),
  findLeftovers: z.object({}).strict(),
  cleanLeftovers: z.object({}).strict(),
  /** Links among these pids, the run's processes, or both; neither: every process (within the scan's cap). */
  getIpcLinks: z.object({ pids: z.array(pid).max(MAX_IPC_PIDS).optional(), runId: runId.optional() }).strict(),
} satisfies Record<MethodName, z.ZodType>;

/** Which sampler reads the processes: /proc on Linux, ps-list + pidusage elsewhere (macOS). */
export type SamplerKind = 'linux-proc' | 'portable';

/** What this ProcLab can do beyond the table; decided once, from the sampler's kind. */
export interface Capabilities {
  /** getProcessDetails (cwd, exe, fds, threads, limits, environment, signal dispositions). */
  details: boolean;
  /** sendSignal, reniceProcess, endProcessTree: targets are pinned by pid and start time in /proc. */
  signals: boolean;
  /** The demo lab (listDemos, startDemo, runCommand…): it finds a run's processes through /proc. */
  lab: boolean;
}

export interface ServerInfo {
  version: string;
  platform: string;
  hostname: string;
  cpuCount: number;
  sampler: SamplerKind;
  capabilities: Capabilities;
  /** The pid of the process that serves the contract (ProcLab's own main process). */
  servicePid: number;
  /** The user ProcLab runs as ("only my processes"); -1 where the platform has no uids. */
  serviceUid: number;
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Live subscriptions of every connection together (each ends with its connection). */
  subscriptionCount: number;
}

export interface MethodResults {
  getInfo: ServerInfo;
  getSnapshot: Snapshot;
  /** The table at the moment of subscribing; `update` events carry deltas from there on. */
  subscribe: { subscriptionId: string; intervalMs: number; snapshot: Snapshot };
  unsubscribe: { subscriptionId: string };
  setRefreshInterval: { subscriptionId: string; intervalMs: number };
  setPaused: { subscriptionId: string; paused: boolean };
  getProcessDetails: ProcessDetails;
  getSignalCatalog: SignalInfo[];
  sendSignal: SignalReport;
  reniceProcess: { pid: number; nice: number };
  endProcessTree: { operationId: string; total: number; endedByTerm: number; endedByKill: number; remaining: number[] };
  listDemos: DemoInfo[];
  startDemo: RunInfo;
  runCommand: RunInfo;
  writeTerminal: { runId: string };
  resizeTerminal: { runId: string; cols: number; rows: number };
  /** `terminal`: typed into the run's terminal (pgid: its foreground group); `kill`: sent with kill(-pgid). */
  sendTerminalKey: { signal: string; via: 'terminal' | 'kill'; pgid: number };
  stopRun: RunInfo;
  listRuns: RunInfo[];
  getRunOutput: RunOutputSnapshot;
  getRunProcesses: RunProcesses;
  findLeftovers: Leftover[];
  cleanLeftovers: { ended: number };
  getIpcLinks: IpcLinks;
}

export type MethodParams<M extends MethodName> = z.input<(typeof methodParams)[M]>;
export type ParsedParams<M extends MethodName> = z.output<(typeof methodParams)[M]>;

export interface EventPayloads {
  update: { subscriptionId: string; delta: ProcessDelta };
  /** Every signal sent through ProcLab, to every connection (for the timeline). */
  signalSent: SignalReport;
  endTreeProgress: {
    operationId: string;
    pid: number;
    phase: 'term' | 'kill' | 'done';
    total: number;
    remaining: number;
  };
  /** What a lab run printed (and the lab's notes about it) since the last batch, to every connection. */
  labOutput: OutputBatch;
  /** A run started, changed its set of processes, exited or was stopped. */
  runChanged: RunInfo;
  /** A run's processes changed (born, exited, state, parent), at the lab's sampling rate. */
  runProcesses: RunProcesses;
}
export type EventPayload<E extends EventName> = EventPayloads[E];
