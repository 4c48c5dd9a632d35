// Writes a run's output pieces into a terminal widget: text as it is, and the lab's notes (its
// own messages, binary output not shown, lines cut, output no longer kept) dimmed on their own.
import type { OutputPiece } from '../../../shared/model/Lab';
import type { RunOutputView } from '../store/RunOutputStore';

export interface TerminalNotes {
  binary(bytes: number): string;
  cut(keptBytes: number): string;
  cutDone(skippedBytes: number): string;
  dropped(chars: number): string;
}

const dim = (text: string) => `\x1b[0;2;3m${text}\x1b[0m`;
const ERASE_LINE = '\r\x1b[2K';

export class TerminalPieceWriter {
  private atLineStart = true;
  /** A stretch whose count is on screen and may still change. */
  private open: 'binary' | 'cut' | null = null;

  constructor(
    private readonly write: (data: string) => void,
    private readonly notes: () => TerminalNotes,
  ) {}

  /** Everything kept of a run, from the start (a new widget, or after a reload). */
  replay(view: RunOutputView): void {
    this.atLineStart = true;
    this.open = null;
    if (view.droppedChars > 0) this.line(this.notes().dropped(view.droppedChars));
    this.pieces(view.pieces);
  }

  pieces(pieces: OutputPiece[]): void {
    for (const piece of pieces) this.piece(piece);
  }

  private piece(piece: OutputPiece): void {
    const open = this.open;
    this.open = null;
    if (piece.kind === 'text') {
      this.write(piece.text);
      this.atLineStart = piece.text.endsWith('\n');
    } else if (piece.kind === 'lab') {
      this.line(piece.text);
    } else if (piece.kind === 'binary') {
      // A note on its own line, rewritten in place while the count grows.
      this.write((open === 'binary' ? ERASE_LINE : this.newLine()) + dim(this.notes().binary(piece.bytes)));
      if (piece.done) this.write('\r\n');
      this.atLineStart = piece.done;
      this.open = piece.done ? null : 'binary';
    } else {
      // After the kept part of the line; its end (LF) follows as text.
      if (open !== 'cut') this.write(dim(this.notes().cut(piece.keptBytes)));
      if (piece.done) this.write(dim(this.notes().cutDone(piece.skippedBytes)));
      this.atLineStart = false;
      this.open = piece.done ? null : 'cut';
    }
  }

  private line(text: string): void {
    this.write(`${this.newLine()}${dim(text)}\r\n`);
    this.atLineStart = true;
  }

  private newLine(): string {
    return this.atLineStart ? '' : '\r\n';
  }
}
