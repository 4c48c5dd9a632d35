// The output of lab runs in this window: each run's terminal output (bounded, oldest dropped and
// counted) and its lines by process, kept current from `labOutput` batches and `getRunOutput`.
import type { OutputBatch, OutputPiece, ProcessLine, RunOutputSnapshot } from '../../../shared/model/Lab';
import { BoundedPieces, KEPT_OUTPUT_CHARS } from '../../../shared/model/outputPieces';
import { RingBuffer } from '../../../shared/model/RingBuffer';

const KEPT_LINES = 2_000;
/** Batches held for a run whose earlier output is still being fetched. */
const EARLY_BATCHES = 200;
/** Runs whose output is kept here; the one used longest ago goes first (and is fetched again if shown). */
const KEPT_RUNS = 16;

export interface RunOutputView {
  pieces: OutputPiece[];
  droppedChars: number;
}

/** New pieces to write, or 'reset': start again from view(). */
export type TerminalUpdate = OutputPiece[] | 'reset';

interface RunState {
  seq: number;
  /** False while the run's earlier output (getRunOutput) has not arrived. */
  loaded: boolean;
  early: OutputBatch[];
  output: BoundedPieces;
  lines: RingBuffer<ProcessLine>;
  linesCache: ProcessLine[] | null;
}

export class RunOutputStore {
  private readonly runs = new Map<string, RunState>();
  private readonly terminals = new Map<string, Set<(update: TerminalUpdate) => void>>();
  private readonly lineListeners = new Set<() => void>();

  /** fetchKept: asks for a run's kept output (getRunOutput), to be given to load(). */
  constructor(readonly fetchKept: (runId: string) => void) {}

  apply(batch: OutputBatch): void {
    let run = this.runs.get(batch.runId);
    if (!run) {
      run = this.fresh();
      run.loaded = batch.seq === 1;
      if (!run.loaded) this.fetchKept(batch.runId);
    } else if (run.loaded && batch.seq > run.seq + 1) {
      // Batches went missing (a reconnection, or a slow connection that lost some).
      run.loaded = false;
      this.fetchKept(batch.runId);
    }
    this.use(batch.runId, run);
    if (!run.loaded) {
      if (run.early.length < EARLY_BATCHES) run.early.push(batch);
      return;
    }
    if (batch.seq <= run.seq) return;
    this.add(run, batch);
    for (const listener of this.terminals.get(batch.runId) ?? []) listener(batch.pieces);
    if (batch.lines.length > 0) this.linesChanged();
  }

  /** A run's output as the lab kept it: replaces what this window has, then the batches after it. */
  load(snapshot: RunOutputSnapshot): void {
    const previous = this.runs.get(snapshot.runId);
    if (previous?.loaded && previous.seq >= snapshot.seq) return;
    const run = this.fresh();
    this.use(snapshot.runId, run);
    this.add(run, snapshot);
    run.output.droppedChars += snapshot.droppedChars;
    run.loaded = true;
    const early = [...(previous?.early ?? [])].sort((a, b) => a.seq - b.seq);
    for (const batch of early) if (batch.seq === run.seq + 1) this.add(run, batch);
    for (const listener of this.terminals.get(snapshot.runId) ?? []) listener('reset');
    this.linesChanged();
  }

  /** What is kept of a run, for its terminal; a run not kept here is fetched (then 'reset'). */
  view(runId: string): RunOutputView {
    let run = this.runs.get(runId);
    if (!run) {
      run = this.fresh();
      this.fetchKept(runId);
    }
    this.use(runId, run);
    return { pieces: run?.output.pieces ?? [], droppedChars: run?.output.droppedChars ?? 0 };
  }

  lines(runId: string): ProcessLine[] {
    const run = this.runs.get(runId);
    if (!run) return NO_LINES;
    run.linesCache ??= run.lines.toArray();
    return run.linesCache;
  }

  /** For a terminal widget: every new piece of this run, or 'reset'. */
  subscribe(runId: string, listener: (update: TerminalUpdate) => void): () => void {
    const listeners = this.terminals.get(runId) ?? new Set();
    this.terminals.set(runId, listeners.add(listener));
    return () => listeners.delete(listener);
  }

  /** For React (useSyncExternalStore): lines by process changed. */
  subscribeLines = (listener: () => void): (() => void) => {
    this.lineListeners.add(listener);
    return () => this.lineListeners.delete(listener);
  };

  /** Marks a run as the latest used, and forgets the one used longest ago past KEPT_RUNS. */
  private use(runId: string, run: RunState): void {
    this.runs.delete(runId);
    this.runs.set(runId, run);
    const oldest = this.runs.keys().next().value!;
    if (this.runs.size > KEPT_RUNS && !this.terminals.get(oldest)?.size) this.runs.delete(oldest);
  }

  private fresh(): RunState {
    return {
      seq: 0,
      loaded: false,
      early: [],
      output: new BoundedPieces(KEPT_OUTPUT_CHARS),
      lines: new RingBuffer(KEPT_LINES),
      linesCache: null,
    };
  }

  private add(run: RunState, batch: Pick<OutputBatch, 'seq' | 'pieces' | 'lines'>): void {
    run.seq = batch.seq;
    run.output.add(batch.pieces);
    for (const line of batch.lines) run.lines.push(line);
    if (batch.lines.length > 0) run.linesCache = null;
  }

  private linesChanged(): void {
    for (const listener of this.lineListeners) listener();
  }
}

const NO_LINES: ProcessLine[] = [];
