// A run's output on its way to clients: filtered for a terminal, sent in batches (one every
// BATCH_MS at most, of bounded size), kept in bounded memory for windows that open later, and
// the producer paused while a batch is full.
import type { OutputBatch, OutputPiece, ProcessLine, RunOutputSnapshot } from '../../shared/model/Lab';
import { BoundedPieces, KEPT_OUTPUT_CHARS, mergePieces } from '../../shared/model/outputPieces';
import { RingBuffer } from '../../shared/model/RingBuffer';
import { TerminalTextFilter, type FilteredOutput } from './TerminalTextFilter';

export const BATCH_MS = 50;
/** Text per batch; past it the program's output is not read until the batch is sent. */
export const MAX_BATCH_CHARS = 64 * 1024;
export const KEPT_LINES = 2_000;

export interface RunOutputOptions {
  runId: string;
  emit: (batch: OutputBatch) => void;
  /** Output is wanted again after write() answered false. */
  onDrain: () => void;
}

export class RunOutput {
  private readonly filter = new TerminalTextFilter();
  private seq = 0;
  private lineSeq = 0;
  private pending: { pieces: OutputPiece[]; lines: ProcessLine[] } = { pieces: [], lines: [] };
  private pendingChars = 0;
  private timer: NodeJS.Timeout | null = null;
  private full = false;
  private readonly kept = new BoundedPieces(KEPT_OUTPUT_CHARS);
  private readonly keptLines = new RingBuffer<ProcessLine>(KEPT_LINES);

  constructor(private readonly options: RunOutputOptions) {}

  /** Takes bytes the program wrote; false means: stop reading until onDrain. */
  write(chunk: Buffer): boolean {
    this.add(this.filter.push(chunk));
    this.full = this.pendingChars >= MAX_BATCH_CHARS;
    return !this.full;
  }

  /** A note of the lab itself, in the run's terminal. */
  note(text: string): void {
    this.add({ pieces: [{ kind: 'lab', text }], lines: [] });
  }

  /** The program's output ended: whatever is left goes out now. */
  end(): void {
    this.add(this.filter.end());
    this.flush();
  }

  snapshot(): RunOutputSnapshot {
    return {
      runId: this.options.runId,
      seq: this.seq,
      droppedChars: this.kept.droppedChars,
      pieces: [...this.kept.pieces],
      lines: this.keptLines.toArray(),
    };
  }

  private add(output: FilteredOutput): void {
    if (output.pieces.length === 0 && output.lines.length === 0) return;
    this.pendingChars += mergePieces(this.pending.pieces, output.pieces);
    const at = Date.now();
    for (const line of output.lines) this.pending.lines.push({ seq: ++this.lineSeq, at, ...line });
    this.timer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const { pieces, lines } = this.pending;
    if (pieces.length === 0 && lines.length === 0) return;
    this.pending = { pieces: [], lines: [] };
    this.pendingChars = 0;
    this.options.emit({ runId: this.options.runId, seq: ++this.seq, pieces, lines });
    this.keep(pieces, lines);
    if (this.full) {
      this.full = false;
      this.options.onDrain();
    }
  }

  private keep(pieces: OutputPiece[], lines: ProcessLine[]): void {
    for (const line of lines) this.keptLines.push(line);
    this.kept.add(pieces);
  }
}
