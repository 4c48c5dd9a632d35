// Lists of output pieces (a run's terminal output) kept small: text joins the text before it, and
// the count of a binary or cut stretch that is still going replaces its previous count.
import type { OutputPiece } from './Lab';

/** What a piece costs in a bounded buffer: its characters, or a fixed size for a count. */
export function pieceSize(piece: OutputPiece): number {
  return piece.kind === 'text' || piece.kind === 'lab' ? piece.text.length : 64;
}

/** Appends pieces to a list, text joined up to maxTextChars per piece; returns the size added. */
export function mergePieces(list: OutputPiece[], pieces: OutputPiece[], maxTextChars = Infinity): number {
  let added = 0;
  for (const piece of pieces) {
    const last = list.at(-1);
    if (last?.kind === 'text' && piece.kind === 'text' && last.text.length + piece.text.length <= maxTextChars) {
      list[list.length - 1] = { kind: 'text', text: last.text + piece.text };
      added += piece.text.length;
    } else if (last && last.kind === piece.kind && 'done' in last && !last.done) {
      list[list.length - 1] = piece;
    } else {
      list.push(piece);
      added += pieceSize(piece);
    }
  }
  return added;
}

/** Characters of a run's output kept (by the lab, and by a window): a few thousand lines. */
export const KEPT_OUTPUT_CHARS = 256 * 1024;

/** Text joins up to this size per piece, so the oldest output can be dropped a piece at a time. */
const MAX_PIECE_CHARS = 64 * 1024;

/** A run's output within a bound: the oldest pieces go first, and how much went is counted. */
export class BoundedPieces {
  readonly pieces: OutputPiece[] = [];
  droppedChars = 0;
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  add(pieces: OutputPiece[]): void {
    this.chars += mergePieces(this.pieces, pieces, MAX_PIECE_CHARS);
    while (this.chars > this.maxChars && this.pieces.length > 0) {
      const dropped = pieceSize(this.pieces.shift()!);
      this.chars -= dropped;
      this.droppedChars += dropped;
    }
  }
}
